/**
 * The Studio's own save read back (src/studio/project-files.ts): the next request reads the
 * file again (its stamp changed), and a file with the very bytes this studio wrote is that
 * text, not decoded, split and hashed again (for a 2 MB strategy: its bytes copied to the
 * worker and its text back, after every save). The file keeps its style (CRLF, BOM) without
 * being read again for it; a change made by someone else is still read as it is.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messagesIn } from '../src/messages/catalogue.js';
import { plainText } from '../src/studio/plain-text.js';
import { ProjectFiles } from '../src/studio/project-files.js';
import { sha256Hex } from '../src/sha256.js';

let root: string;
let strategy: string;
/** Files decoded (plain-text.ts) since the test began. */
let decoded: string[];

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'trappa-project-files-'));
  strategy = path.join(root, 'data/strategy.yaml');
  mkdirSync(path.dirname(strategy));
  decoded = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function projectFiles(): ProjectFiles {
  return new ProjectFiles(
    { root },
    async () => null,
    messagesIn('nb'),
    async (file, bytes) => {
      decoded.push(file);
      return plainText(file, bytes);
    },
  );
}

describe('a file the Studio saved, read again', () => {
  it('is the text saved, not decoded again, in the file’s style (BOM, CRLF)', async () => {
    writeFileSync(strategy, '\uFEFFname: Før\r\nversion: 0.1\r\n');
    const files = projectFiles();
    const read = await files.read(strategy);
    expect(read).toMatchObject({ ok: true, value: 'name: Før\nversion: 0.1\n' });
    expect(decoded).toHaveLength(1);
    const text = 'name: Etter\nversion: 0.2\n';
    expect(await files.save(strategy, strategy, text)).toBe(sha256Hex(text));
    expect(readFileSync(strategy, 'utf8')).toBe('\uFEFFname: Etter\r\nversion: 0.2\r\n');
    expect(await files.read(strategy)).toMatchObject({ ok: true, value: text });
    expect(decoded).toHaveLength(1);
    expect(files.textOf(sha256Hex(text))).toBe(text);
    // Someone else's change is read as it is.
    writeFileSync(strategy, 'name: Annen\nversion: 0.3\n');
    expect(await files.read(strategy)).toMatchObject({ ok: true, value: 'name: Annen\nversion: 0.3\n' });
    expect(decoded).toHaveLength(2);
  });
});
