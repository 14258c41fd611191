/**
 * The studio's web server: node:http on 127.0.0.1 only, every request through the guard
 * (security.ts) before anything else, then a small table of routes (studio-api.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, newToken } from './security.js';
import { createApi, type StudioOptions } from './studio-api.js';
import { HttpError } from './http-error.js';
import { translateIssues, translateLines } from '../messages/issue-text.js';
import { fileSystemError, InputError, TrappaError } from '../errors.js';
import { type Lang, type Messages, messagesIn } from '../messages/catalogue.js';

export interface Studio {
  /** http://127.0.0.1:<port>/?token=… — the address to open. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Security headers of every answer: nothing from elsewhere, not framed, not sniffed, not cached. */
const HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
    "connect-src 'self'; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startStudio(
  options: StudioOptions & { port?: number; token?: string; lang?: Lang },
): Promise<Studio> {
  // The page is written in bokmål, and its messages follow unless asked otherwise. This Studio's
  // own: a command run in the same process (the CLI falls back to English) cannot change it.
  const messages = messagesIn(options.lang ?? 'nb');
  const token = options.token ?? newToken();
  const guard = { token, port: 0 };
  const api = createApi(options, messages);
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    const verdict = checkRequest(req, guard);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Refused: ${verdict.reason}.\n`);
      return;
    }
    handle(api, req, res, messages).catch((error: unknown) => fail(res, error, messages));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, options.port ?? 0)));
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  const stopWatching = api.watch();
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    async close() {
      api.closeEvents();
      await stopWatching();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stopThread();
    },
  };
}

/** A port that is taken or not allowed is the user's to change, not a bug. */
function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE')
    return new TrappaError(
      `port ${port} is in use; choose another with --port, or leave --port out to take a free one`,
      { cause: error },
    );
  if (error.code === 'EACCES')
    return new TrappaError(`port ${port} may not be used by this user; choose one above 1023 with --port`, {
      cause: error,
    });
  return error;
}

async function handle(
  api: ReturnType<typeof createApi>,
  req: IncomingMessage,
  res: ServerResponse,
  messages: Messages,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const route = api.routes[`${req.method ?? 'GET'} ${url.pathname}`];
  if (!route) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found.\n');
    return;
  }
  const body = req.method === 'POST' ? await readJson(req, messages) : undefined;
  await route({ req, res, url, body });
}

const MAX_BODY = 4 * 1024 * 1024;

async function readJson(req: IncomingMessage, messages: Messages): Promise<unknown> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'expected JSON');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, messages.say('requestTooLarge'));
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, messages.say('badRequest'));
  }
}

/** A refusal the user can act on is a 4xx with words; only a bug is a 500. */
function fail(res: ServerResponse, error: unknown, messages: Messages): void {
  const { status, message } = describe(error, messages);
  if (status === 500) console.error('trappa studio: internal error', error);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  const issues = error instanceof InputError ? { issues: translateIssues(error.issues, messages.lang) } : {};
  res.end(JSON.stringify({ error: message, ...issues }));
}

function describe(error: unknown, messages: Messages): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  // The stages word their refusals in English; the page reads them in the Studio's language.
  if (error instanceof TrappaError) return { status: 400, message: translateLines(error.message, messages.lang) };
  const disk = fileSystemError(error);
  if (disk)
    return { status: 409, message: `${messages.exitExplanation(7)} ${translateLines(disk.message, messages.lang)}` };
  return { status: 500, message: messages.say('internal') };
}
