/**
 * A real SMTP server on 127.0.0.1 for the e-mail tests: STARTTLS with a certificate generated
 * here, AUTH PLAIN/LOGIN required (smtp-server refuses AUTH before STARTTLS), and every accepted
 * message parsed with mailparser.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMessage {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
  secure: boolean;
  user: string | undefined;
}

/** An SMTP reply the test wants the server to give, e.g. `{ code: 550, message: 'No such user' }`. */
export interface Reply {
  code: number;
  message: string;
}

export interface TestServerOptions {
  certificate: TestCertificate;
  user: string;
  /** AUTH PLAIN/LOGIN with this password; leave out with `acceptToken`. */
  password?: string;
  /** AUTH XOAUTH2 only: whether this bearer token is valid for the user. */
  acceptToken?: (token: string) => boolean;
  /** Refuse RCPT TO over this many recipients in one message with 452, as a capped server does. */
  maxRecipients?: number;
  /** Wait this long before the 250 after DATA (the message is recorded before the wait). */
  replyDelayMs?: number;
  /** Refuse a recipient at RCPT TO. */
  onRcpt?: (address: string) => Reply | undefined;
  /**
   * Decide about a message after its data arrived (`n` counts DATA commands from 1).
   * Return a Reply to refuse it, 'hang' to never answer, or 'drop' to cut the connection (after
   * the message is recorded: the server has it, the client never hears so).
   */
  onData?: (n: number) => Reply | 'hang' | 'drop' | undefined;
}

export interface TestServer {
  port: number;
  /** Messages the server accepted (250 after DATA). */
  messages: ReceivedMessage[];
  /** TCP connections opened, to prove that nothing connected. */
  connections: number;
  /** Messages recorded whose 250 is still held back (`replyDelayMs`): a client killed now cannot know. */
  holding: number;
  close(): Promise<void>;
}

export interface TestCertificate {
  cert: string;
  key: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost. */
export async function generateCertificate(): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

const smtpError = (reply: Reply) => Object.assign(new Error(reply.message), { responseCode: reply.code });

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const messages: ReceivedMessage[] = [];
  let dataCount = 0;
  const state = { connections: 0, holding: 0 };
  const server = new SMTPServer({
    secure: false,
    key: options.certificate.key,
    cert: options.certificate.cert,
    authMethods: options.acceptToken ? ['XOAUTH2'] : ['PLAIN', 'LOGIN'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 2000,
    onConnect(_session, callback) {
      callback();
    },
    onAuth(auth, _session, callback) {
      if (options.acceptToken) {
        const ok =
          auth.method === 'XOAUTH2' && auth.username === options.user && options.acceptToken(auth.accessToken ?? '');
        return ok
          ? callback(null, { user: auth.username })
          : callback(smtpError({ code: 535, message: '5.7.3 Authentication unsuccessful' }));
      }
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      return callback(smtpError({ code: 535, message: 'Authentication failed' }));
    },
    onMailFrom(_address, session, callback) {
      // Require login, as a municipality's submission server would.
      if (!session.user) return callback(smtpError({ code: 530, message: 'Authentication required' }));
      callback();
    },
    onRcptTo(address, session, callback) {
      if (options.maxRecipients !== undefined && session.envelope.rcptTo.length >= options.maxRecipients) {
        return callback(smtpError({ code: 452, message: '4.5.3 Too many recipients' }));
      }
      const reply = options.onRcpt?.(address.address);
      callback(reply ? smtpError(reply) : undefined);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        dataCount += 1;
        const decision = options.onData?.(dataCount);
        if (decision === 'hang') return;
        if (decision && decision !== 'drop') return callback(smtpError(decision));
        const raw = Buffer.concat(chunks);
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const user = typeof session.user === 'string' ? session.user : undefined;
        simpleParser(raw).then(
          (parsed) => {
            // Recorded before the reply: a client killed while waiting for it has still delivered.
            messages.push({ envelopeFrom, envelopeTo, raw, parsed, secure: session.secure, user });
            if (decision === 'drop') for (const socket of sockets) socket.destroy();
            else if (options.replyDelayMs) {
              state.holding += 1;
              setTimeout(() => {
                state.holding -= 1;
                callback();
              }, options.replyDelayMs);
            } else callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // Counted at TCP level: a TLS hello to this plain server never reaches onConnect.
  const sockets = new Set<import('node:net').Socket>();
  server.server.on('connection', (socket: import('node:net').Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {
    // Connections the client drops (the crash test) are expected.
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages,
    get connections() {
      return state.connections;
    },
    get holding() {
      return state.holding;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
