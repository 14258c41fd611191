/**
 * A stand-in for Microsoft Entra ID's token endpoint and Microsoft Graph on 127.0.0.1
 * (node:http), strict where the real ones are: client-credentials form, bearer tokens,
 * the sendMail JSON, drafts, upload sessions with Content-Range pieces and no bearer token;
 * and for a delegated sign-in the device-code flow (RFC 8628: /devicecode, then polling the token
 * endpoint), refresh-token grants with rotation and revocation, and Graph's /me.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TENANT = 'innherred.onmicrosoft.com';
export const CLIENT_ID = '0d9c6a55-2f1e-4c1e-9d4b-6a7b3c2d1e0f';
export const CLIENT_SECRET = 'Kx~8Q_hemmelig.Ørn-secret-Value';

export type TokenMode = 'ok' | 'wrong-secret' | 'no-consent';

export interface GraphMessage {
  // biome-ignore lint/suspicious/noExplicitAny: the fake holds whatever JSON the client sent
  json: { message: Record<string, any>; saveToSentItems?: boolean };
  /** Attachment name → bytes, whichever way they came. */
  attachments: Map<string, Buffer>;
  via: 'sendMail' | 'draft';
  uploadSessions: number;
}

export interface FakeM365 {
  url: string;
  tokenUrl: string;
  graphUrl: string;
  tokenMode: TokenMode;
  /** Tokens the token endpoint issues from now on count as expired at once (to test a renewal). */
  expireNextToken: boolean;
  /** Graph answers 403 ErrorAccessDenied for the mailbox (no application access policy). */
  denyMailbox: boolean;
  /** The next sendMail is taken (recorded as sent) but the connection is cut before the 202. */
  dropNextSend: boolean;
  /** The next `count` sendMail requests are throttled: 429, with this Retry-After when given. */
  throttle: { count: number; retryAfter?: string };
  /** Throttled sendMail requests so far. */
  throttled: number;
  /** The token endpoint issues this (e.g. with a CR-LF in it) instead of a fresh token. */
  tokenValue?: string;
  /** The token endpoint streams this many bytes of one endless JSON string, without a Content-Length. */
  tokenAnswerBytes?: number;
  /** How many of them it could write before the client stopped reading. */
  tokenBytesWritten: number;
  /** The account that signs in with the device code. */
  delegatedUser: string;
  /** What the token endpoint answers to each device-code poll, in turn ('ok' ends the sign-in). */
  devicePolls: ('authorization_pending' | 'slow_down' | 'expired_token' | 'ok')[];
  /** Form fields of every request to the identity endpoints, in order. */
  identityRequests: Record<string, string>[];
  /** Refresh tokens Entra ID would still take; revoke one by deleting it. */
  refreshTokens: Set<string>;
  tokenRequests: number;
  /** Every token issued and still valid. */
  isValid(token: string): boolean;
  issued: string[];
  sent: GraphMessage[];
  close(): Promise<void>;
}

export async function startFakeM365(mailbox: string): Promise<FakeM365> {
  const valid = new Set<string>();
  const drafts = new Map<string, GraphMessage>();
  const uploads = new Map<string, { draft: string; name: string; size: number; pieces: Buffer[]; next: number }>();
  const state: FakeM365 = {
    url: '',
    tokenUrl: '',
    graphUrl: '',
    tokenMode: 'ok',
    expireNextToken: false,
    denyMailbox: false,
    dropNextSend: false,
    throttle: { count: 0 },
    throttled: 0,
    tokenBytesWritten: 0,
    delegatedUser: 'kari.nordmann@innherred-samkommune.no',
    devicePolls: ['ok'],
    identityRequests: [],
    refreshTokens: new Set(),
    tokenRequests: 0,
    isValid: (token) => valid.has(token),
    issued: [],
    sent: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const json = (res: ServerResponse, status: number, body?: unknown) => {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(body === undefined ? undefined : JSON.stringify(body));
  };
  const graphError = (res: ServerResponse, status: number, code: string, message: string) =>
    json(res, status, { error: { code, message } });

  const delegatedTokens = new Map<string, string>();
  const idToken = (user: string) =>
    ['{"alg":"none"}', JSON.stringify({ preferred_username: user, name: 'Kari Nordmann' }), '']
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.');
  /** A delegated access token (and a fresh refresh token) for the signed-in user. */
  const issueDelegated = (res: ServerResponse, scope: string) => {
    const audience = scope.includes('SMTP.Send') ? 'outlook' : 'graph';
    const access = `eyJkZWxlZ2F0ZWQ.${state.issued.length + 1}.${audience}`;
    const refresh = `rt-${state.issued.length + 1}-${Math.random().toString(36).slice(2)}`;
    state.issued.push(access);
    valid.add(access);
    delegatedTokens.set(access, state.delegatedUser);
    state.refreshTokens.add(refresh);
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: 3599,
      access_token: access,
      refresh_token: refresh,
      id_token: idToken(state.delegatedUser),
    });
  };
  const deviceCodes = new Map<string, string>();
  const deviceCode = (res: ServerResponse, form: URLSearchParams) => {
    if (form.get('client_id') !== CLIENT_ID || !form.get('scope')?.includes('offline_access'))
      return json(res, 400, { error: 'invalid_request' });
    const code = `dc-${deviceCodes.size + 1}`;
    deviceCodes.set(code, form.get('scope') ?? '');
    json(res, 200, {
      device_code: code,
      user_code: 'HJKL-MNPQ',
      verification_uri: 'https://microsoft.com/devicelogin',
      expires_in: 900,
      interval: 1,
      message:
        'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code HJKL-MNPQ to authenticate.',
    });
  };
  const delegatedGrant = (res: ServerResponse, form: URLSearchParams) => {
    if (form.get('client_id') !== CLIENT_ID || form.has('client_secret'))
      return json(res, 400, { error: 'invalid_client' });
    if (form.get('grant_type') === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      if (!state.refreshTokens.has(presented))
        return json(res, 400, {
          error: 'invalid_grant',
          error_description: 'AADSTS50173: The provided grant has expired due to it being revoked.',
          error_codes: [50173],
        });
      state.refreshTokens.delete(presented); // rotated: each refresh token is good once
      return issueDelegated(res, form.get('scope') ?? '');
    }
    if (!deviceCodes.has(form.get('device_code') ?? '')) return json(res, 400, { error: 'invalid_grant' });
    const next = state.devicePolls.shift() ?? 'ok';
    if (next !== 'ok') return json(res, 400, { error: next, error_description: `AADSTS70016: ${next}` });
    const scope = deviceCodes.get(form.get('device_code')!) ?? '';
    deviceCodes.delete(form.get('device_code')!);
    issueDelegated(res, scope);
  };

  const token = (res: ServerResponse, body: Buffer) => {
    state.tokenRequests += 1;
    const form = new URLSearchParams(body.toString('utf8'));
    state.identityRequests.push(Object.fromEntries(form));
    const grant = form.get('grant_type');
    if (grant === 'refresh_token' || grant === 'urn:ietf:params:oauth:grant-type:device_code')
      return delegatedGrant(res, form);
    if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== CLIENT_ID)
      return json(res, 400, { error: 'invalid_request' });
    if (state.tokenMode === 'wrong-secret' || form.get('client_secret') !== CLIENT_SECRET) {
      return json(res, 401, {
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT_ID}'.\r\nTrace ID: 1`,
        error_codes: [7000215],
      });
    }
    if (state.tokenMode === 'no-consent') {
      return json(res, 400, {
        error: 'invalid_grant',
        error_description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${CLIENT_ID}'.`,
        error_codes: [65001],
      });
    }
    if (state.tokenAnswerBytes) return streamHuge(res, state.tokenAnswerBytes);
    const issued =
      state.tokenValue ??
      `eyJ0eXAi.${state.issued.length + 1}.${form.get('scope')?.includes('graph') ? 'graph' : 'outlook'}`;
    state.issued.push(issued);
    if (!state.expireNextToken) valid.add(issued);
    state.expireNextToken = false;
    json(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: issued });
  };

  const graph = (req: IncomingMessage, res: ServerResponse, body: Buffer, path: string[]) => {
    let parts = path;
    const upload = parts[0] === 'upload' ? uploads.get(parts[1] ?? '') : undefined;
    if (upload) {
      // Upload URLs are pre-authorised; Graph refuses a bearer token on them.
      if (req.headers.authorization)
        return graphError(res, 401, 'InvalidAuthenticationToken', 'no token on upload URLs');
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range']));
      if (
        !range ||
        Number(range[1]) !== upload.next ||
        Number(range[3]) !== upload.size ||
        Number(range[2]) - Number(range[1]) + 1 !== body.length
      ) {
        return graphError(res, 416, 'InvalidRange', 'unexpected Content-Range');
      }
      upload.pieces.push(body);
      upload.next += body.length;
      if (upload.next < upload.size) return json(res, 200, { nextExpectedRanges: [`${upload.next}-`] });
      drafts.get(upload.draft)!.attachments.set(upload.name, Buffer.concat(upload.pieces));
      return json(res, 201);
    }
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    if (!auth || !valid.has(auth[1]!))
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    if (parts[1] === 'me') {
      // /me is the signed-in user's own mailbox; an app token has no "me".
      const user = delegatedTokens.get(auth[1]!);
      if (!user)
        return graphError(res, 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      parts = [parts[0]!, 'users', encodeURIComponent(user), ...parts.slice(2)];
    }
    if (!auth[1]!.endsWith('.graph')) return graphError(res, 401, 'InvalidAuthenticationToken', 'Invalid audience.');
    const own = decodeURIComponent(parts[2] ?? '') === delegatedTokens.get(auth[1]!);
    if (parts[0] !== 'v1.0' || parts[1] !== 'users' || (decodeURIComponent(parts[2] ?? '') !== mailbox && !own))
      return graphError(res, 404, 'ErrorInvalidUser', 'no such mailbox');
    if (state.denyMailbox)
      return graphError(
        res,
        403,
        'ErrorAccessDenied',
        'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      );
    const rest = parts.slice(3).join('/');
    // biome-ignore lint/suspicious/noExplicitAny: the fake holds whatever JSON the client sent
    const payload = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, any>) : {};
    if (rest === 'sendMail' && state.throttle.count > 0) {
      state.throttle.count -= 1;
      state.throttled += 1;
      const headers = state.throttle.retryAfter ? { 'retry-after': state.throttle.retryAfter } : {};
      res.writeHead(429, { 'content-type': 'application/json', ...headers });
      return res.end(
        JSON.stringify({
          error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' },
        }),
      );
    }
    if (rest === 'sendMail') {
      const attachments = new Map<string, Buffer>(
        // biome-ignore lint/suspicious/noExplicitAny: the fake holds whatever JSON the client sent
        (payload.message.attachments ?? []).map((a: any) => [a.name, Buffer.from(a.contentBytes, 'base64')]),
      );
      state.sent.push({ json: payload as GraphMessage['json'], attachments, via: 'sendMail', uploadSessions: 0 });
      if (state.dropNextSend) {
        state.dropNextSend = false;
        return req.socket.destroy();
      }
      return json(res, 202);
    }
    if (rest === 'messages') {
      const id = `draft-${drafts.size + 1}`;
      drafts.set(id, { json: { message: payload }, attachments: new Map(), via: 'draft', uploadSessions: 0 });
      return json(res, 201, { id });
    }
    const draft = drafts.get(parts[4] ?? '');
    if (!draft) return graphError(res, 404, 'ErrorItemNotFound', 'no such draft');
    if (parts[5] === 'attachments' && parts[6] === 'createUploadSession') {
      const item = payload.AttachmentItem;
      const id = `u${uploads.size + 1}`;
      uploads.set(id, { draft: parts[4]!, name: item.name, size: item.size, pieces: [], next: 0 });
      draft.uploadSessions += 1;
      return json(res, 201, { uploadUrl: `${state.url}/upload/${id}`, nextExpectedRanges: ['0-'] });
    }
    if (parts[5] === 'attachments') {
      draft.attachments.set(payload.name, Buffer.from(payload.contentBytes, 'base64'));
      return json(res, 201, { id: 'a' });
    }
    if (parts[5] === 'send') {
      state.sent.push(draft);
      return json(res, 202);
    }
    graphError(res, 400, 'BadRequest', `unknown ${rest}`);
  };

  /** `{"access_token":"xxxx…` for `total` bytes, written as fast as the client reads. */
  const streamHuge = (res: ServerResponse, total: number) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const piece = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (state.tokenBytesWritten < total && !res.destroyed) {
        state.tokenBytesWritten += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.write('{"access_token":"');
    res.on('close', () => undefined);
    pump();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parts = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean);
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && parts.join('/') === `${TENANT}/oauth2/v2.0/token`) return token(res, body);
      if (req.method === 'POST' && parts.join('/') === `${TENANT}/oauth2/v2.0/devicecode`) {
        const form = new URLSearchParams(body.toString('utf8'));
        state.identityRequests.push(Object.fromEntries(form));
        return deviceCode(res, form);
      }
      graph(req, res, body, parts);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.tokenUrl = `${state.url}/${TENANT}/oauth2/v2.0/token`;
  state.graphUrl = `${state.url}/v1.0`;
  return state;
}
