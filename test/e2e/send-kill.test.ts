/**
 * At-most-once delivery across crashes and big lists, through the bundled CLI against a real
 * SMTP server on 127.0.0.1: `send` killed with SIGKILL at random points while the server
 * delays its 250 reply, then re-run; 5,000 recipients against a server capped at 100 per
 * message; a server that never greets; TLS to a plain server; control characters in names.
 * TRAPPA_TEST_KILLS sets the number of kills (default 20, the minimum).
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { PASSWORD, smtpEnv, USER } from '../email-fixtures.js';
import {
  generateCertificate,
  startTestServer,
  type ReceivedMessage,
  type TestCertificate,
} from '../email-test-server.js';
import { runCliClean, spawnCliClean } from '../helpers/dist-cli.js';
import { REPO } from '../helpers/project.js';
import { copyProjectToTemp } from '../helpers/project-copy.js';

const KILLS = Number(process.env.TRAPPA_TEST_KILLS ?? 20);
const DECKS = ['ansatte', 'samkommunestyre', 'storledermote'];

let certificate: TestCertificate;
const roots: string[] = [];

beforeAll(async () => {
  certificate = await generateCertificate();
}, 60_000);

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project copy whose decks go to `lists[deck]` (all in To), built. */
async function project(lists: Record<string, string[]>): Promise<string> {
  const root = copyProjectToTemp(REPO, 'trappa-kill-');
  roots.push(root);
  for (const [deck, emails] of Object.entries(lists)) {
    const file = path.join(root, 'data/decks', `${deck}.yaml`);
    const text = readFileSync(file, 'utf8');
    const list = emails.map((email) => `    - { email: ${email} }`).join('\n');
    writeFileSync(file, `${text.slice(0, text.indexOf('distribution:'))}distribution:\n  to:\n${list}\n`);
  }
  const build = await runCliClean(['build', '--deck', ...Object.keys(lists)], root);
  if (build.status !== 0) throw new Error(build.stderr);
  return root;
}

const deliveries = (messages: readonly ReceivedMessage[]) => {
  const count = new Map<string, ReceivedMessage[]>();
  for (const m of messages) for (const to of m.envelopeTo) count.set(to, [...(count.get(to) ?? []), m]);
  return count;
};

const sentAt = (root: string) =>
  (
    JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as {
      entries: Record<string, { sentAt?: string; frozenAt?: string }>;
    }
  ).entries;

describe('trappa send never delivers twice', () => {
  it(`kill -9 at ${KILLS} random points, then re-runs: nobody twice unless --resend-uncertain, every delivered deck frozen`, async () => {
    const server = await startTestServer({ certificate, user: USER, password: PASSWORD, replyDelayMs: 150 });
    onTestFinished(() => server.close());
    const lists = Object.fromEntries(
      DECKS.map((deck) => [deck, Array.from({ length: 10 }, (_, i) => `${deck}.${i + 1}@levanger.kommune.no`)]),
    );
    const root = await project(lists);
    const env = { ...(await smtpEnv(root, server.port, certificate)), TRAPPA_MAIL_BATCH_SIZE: '1' };

    let kills = 0;
    for (let run = 0; kills < KILLS && run < KILLS * 3; run++) {
      const child = spawnCliClean(['send', '--all'], root, env);
      let done = false;
      const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      void exited.then(() => (done = true));
      // Once this run talks to the server, kill it at a random point of its sending: writing an
      // intent, streaming the data, waiting for the delayed 250, writing the outcome, …
      const seen = server.connections;
      for (const start = Date.now(); server.connections === seen && !done && Date.now() - start < 10_000; )
        await sleep(5);
      if (run % 4 === 3) {
        // Every fourth run is killed while the server holds back a 250: on a loaded machine the
        // random points alone can all fall before a message is handed over (seen in CI at load 20),
        // and the uncertain outcome is the case this test exists for.
        for (const start = Date.now(); server.holding === 0 && !done && Date.now() - start < 10_000; ) await sleep(2);
      } else await Promise.race([sleep(Math.random() * 400), exited]);
      child.kill('SIGKILL');
      if ((await exited) === 'SIGKILL') kills += 1;
      for (const [to, got] of deliveries(server.messages)) expect(got.length, `${to} after run ${run}`).toBe(1);
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);

    const rerun = await runCliClean(['send', '--all'], root, env);
    expect([0, 6]).toContain(rerun.status);
    expect(rerun.stdout).not.toMatch(/[\r\u001b]/);
    const uncertain = new Set(
      [...rerun.stdout.matchAll(/^ {2}to {2}(\S+) {2}UNCERTAIN: handed to the server/gm)].map((m) => m[1]!),
    );
    const delivered = deliveries(server.messages);
    const everyone = Object.values(lists).flat();
    for (const email of everyone) {
      // Each recipient has it once, or is reported as uncertain; nobody has it twice.
      expect((delivered.get(email) ?? []).length, email).toBeLessThanOrEqual(1);
      if (!delivered.has(email)) expect(uncertain.has(email), `${email} neither delivered nor reported`).toBe(true);
    }
    // Kills landed while the server held back its 250: those messages have an unknown fate.
    expect(uncertain.size).toBeGreaterThan(0);
    expect(rerun.stderr).toContain('--resend-uncertain');
    const frozen = sentAt(root);
    for (const deck of DECKS) {
      if (lists[deck]!.some((email) => delivered.has(email)))
        // Frozen before the hand-over (frozenAt); sentAt may be missing where the kill came before the 250.
        expect(frozen[`${deck}@0.2`]?.frozenAt, `${deck} delivered but not frozen`).toBeTruthy();
    }

    const resend = await runCliClean(['send', '--all', '--resend-uncertain'], root, env);
    expect(resend.status, resend.stderr).toBe(0);
    const after = deliveries(server.messages);
    for (const email of everyone) {
      const got = after.get(email) ?? [];
      expect(got.length, email).toBeGreaterThanOrEqual(1);
      if (got.length > 1) {
        // Only the uncertain ones may have it twice, and then as the same message.
        expect(uncertain.has(email), email).toBe(true);
        expect(new Set(got.map((m) => m.parsed.messageId)).size, email).toBe(1);
      }
    }
    const log = readFileSync(path.join(root, 'output/send-log.jsonl'), 'utf8');
    expect(log).not.toContain(PASSWORD);
  }, 240_000);

  it('5,000 recipients against a server that takes 100 per message: everyone once, in one run, each seeing only the sender', async () => {
    const server = await startTestServer({ certificate, user: USER, password: PASSWORD, maxRecipients: 100 });
    onTestFinished(() => server.close());
    const emails = Array.from({ length: 5000 }, (_, i) => `ansatt${i + 1}@verdal.kommune.no`);
    const root = await project({ ansatte: emails });
    const run = await runCliClean(['send', '--deck', 'ansatte'], root, await smtpEnv(root, server.port, certificate));
    expect(run.status, run.stderr).toBe(0);
    const delivered = deliveries(server.messages);
    expect(delivered.size).toBe(5000);
    expect([...delivered.values()].every((got) => got.length === 1)).toBe(true);
    expect(server.messages).toHaveLength(50);
    for (const m of server.messages) {
      expect(m.envelopeTo.length).toBeLessThanOrEqual(100);
      expect(m.parsed.to && !Array.isArray(m.parsed.to) ? m.parsed.to.value.map((a) => a.address) : []).toEqual([
        'kommunikasjon@innherred-samkommune.no',
      ]);
      expect(m.parsed.cc).toBeUndefined();
      expect(m.raw.toString('latin1')).not.toMatch(/ansatt\d+@/);
    }
    expect(run.stdout).toContain('Recipients: 5000 sent, 0 already sent.');
    expect(run.stdout.split('\n').length).toBeLessThan(20);
  }, 120_000);
});

describe('trappa send gives up quickly and plainly', () => {
  it('a server that never sends its banner: one line after the greeting timeout, nothing frozen', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      for (const s of sockets) s.destroy();
      silent.close();
    });
    const root = await project({ ansatte: ['a@verdal.kommune.no'] });
    const port = (silent.address() as { port: number }).port;
    const env = { ...(await smtpEnv(root, port, certificate)), TRAPPA_MAIL_GREETING_TIMEOUT: '0.5' };
    const started = Date.now();
    const run = await runCliClean(['send', '--deck', 'ansatte'], root, env);
    expect(run.status).toBe(6);
    expect(run.stderr.trim()).toMatch(
      new RegExp(`^trappa: Cannot reach the SMTP server 127\\.0\\.0\\.1:${port}: Greeting never received`),
    );
    expect(Date.now() - started).toBeLessThan(15_000); // a bound against hanging, not a speed claim
    expect(sentAt(root)['ansatte@0.2']?.sentAt).toBeUndefined();
    expect(sentAt(root)['ansatte@0.2']?.frozenAt).toBeUndefined();
    expect(readdirSync(path.join(root, 'output'))).not.toContain('send-log.jsonl');
  });

  it('TLS to a plain server fails once, as a permanent error', async () => {
    const server = await startTestServer({ certificate, user: USER, password: PASSWORD });
    onTestFinished(() => server.close());
    const root = await project({ ansatte: ['a@verdal.kommune.no'] });
    const env = { ...(await smtpEnv(root, server.port, certificate)), TRAPPA_SMTP_SECURITY: 'tls' };
    const run = await runCliClean(['send', '--deck', 'ansatte'], root, env);
    expect(run.status).toBe(6);
    expect(run.stderr.trim()).toMatch(
      /^trappa: Cannot reach the SMTP server 127\.0\.0\.1:\d+: .*(wrong version number|SSL|TLS)/i,
    );
    expect(server.connections).toBe(1);
  });

  it('names with CR/LF or escape codes are escaped on the console', async () => {
    const root = await project({ ansatte: ['a@verdal.kommune.no'] });
    const file = path.join(root, 'data/decks/ansatte.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '- { email: a@verdal.kommune.no }',
        '- { name: "Ola\\r\\nBcc: x@y.no \\e[31m", email: a@verdal.kommune.no }',
      ),
    );
    expect((await runCliClean(['build', '--deck', 'ansatte'], root)).status).toBe(0);
    const run = await runCliClean(['send', '--deck', 'ansatte', '--dry-run'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Ola\\r\\nBcc: x@y.no \\u001b[31m <a@verdal.kommune.no>  would send');
    expect(run.stdout).not.toMatch(/[\r\u001b]/);
  });
});
