/**
 * Who may talk to the studio: only this machine's browser, holding the token printed on
 * standard output. Every request is checked here before routing:
 * - Host must be 127.0.0.1:<port> or localhost:<port>: a page on another site that makes
 *   its own name resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host;
 * - a request with an Origin must come from the studio's own origin (cross-site requests);
 *   requests that change something must carry one (browsers send it on POST);
 * - the token must be given, as `?token=` on the first visit (then kept in an HttpOnly,
 *   SameSite=Strict cookie) or as that cookie. Compared in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const COOKIE = 'trappa_studio';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; status: 400 | 403; reason: string };

export interface Guard {
  token: string;
  port: number;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function checkRequest(req: IncomingMessage, guard: Guard): Verdict {
  const hosts = [`127.0.0.1:${guard.port}`, `localhost:${guard.port}`];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.includes(host)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`))
    return { ok: false, status: 403, reason: 'foreign Origin' };
  if (UNSAFE.has(req.method ?? 'GET') && origin === undefined)
    return { ok: false, status: 403, reason: 'missing Origin' };
  // Fetch metadata: a browser marks requests made by other sites; ours are same-origin or typed in.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { ok: false, status: 403, reason: 'cross-site request' };
  const fromQuery = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
  if (fromQuery !== null) {
    return same(fromQuery, guard.token)
      ? { ok: true, viaQuery: true }
      : { ok: false, status: 403, reason: 'wrong token' };
  }
  const fromCookie = readCookie(req.headers.cookie, COOKIE);
  if (fromCookie !== undefined && same(fromCookie, guard.token)) return { ok: true, viaQuery: false };
  return { ok: false, status: 403, reason: 'no token: open the address printed by trappa studio' };
}

export function tokenCookie(token: string): string {
  return `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function same(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
