/**
 * Who may talk to the studio: only this machine's browser, holding the token printed on
 * standard output. Every request is checked here before routing:
 * - Host must be 127.0.0.1:<port> or localhost:<port>: a page on another site that makes
 *   its own name resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host;
 * - a request with an Origin must come from the studio's own origin (cross-site requests);
 *   requests that change something must carry one (browsers send it on POST);
 * - the token must be given, as `?token=` on the first visit and then by the page's script
 *   in the X-Trappa-Token header (or `?token=` where a browser cannot set a header: the
 *   event stream, pictures). Never in a cookie: a browser sends the cookies of 127.0.0.1 to
 *   every port of it, so any other local server would receive the token (and a second
 *   studio would overwrite the first one's). Compared in constant time.
 * - the page itself, its script, style sheet and fonts hold nothing of the project and are
 *   served without the token, so a reload works: the page keeps its token in sessionStorage,
 *   which belongs to this origin (host and port) only.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const TOKEN_HEADER = 'x-trappa-token';

/** What the page loads before it can send its token: nothing of the project's data. */
const PUBLIC = new Set(['/', '/app.js', '/app.css', '/font', '/favicon.ico']);

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export type Verdict = { ok: true } | { ok: false; status: 400 | 403; reason: string };

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
  const url = new URL(req.url ?? '/', 'http://x');
  const fromQuery = url.searchParams.get('token');
  const fromHeader = req.headers[TOKEN_HEADER];
  const given = typeof fromHeader === 'string' ? fromHeader : req.method === 'GET' ? fromQuery : null;
  // A wrong token is refused even where none is needed: a mistyped address should say so.
  if (given !== null && !same(given, guard.token)) return { ok: false, status: 403, reason: 'wrong token' };
  if (given !== null || (req.method === 'GET' && PUBLIC.has(url.pathname))) return { ok: true };
  return { ok: false, status: 403, reason: 'no token: open the address printed by trappa studio' };
}

function same(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
