/**
 * Where a delegated sign-in keeps its refresh token: the operating system's credential store
 * (Windows Credential Manager, macOS Keychain, the Secret Service of GNOME Keyring or KWallet on
 * Linux), through @napi-rs/keyring: prebuilt binaries in npm packages, no install script, no
 * compiler. Never an environment variable (on Windows a persistent one is plain text in the
 * registry) and never a plain file, except where it is asked for by name: TRAPPA_CREDENTIAL_FILE
 * names a file (created readable by its owner only) for machines without a credential store, such
 * as CI runners and containers where no keyring daemon runs.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { saveAtomically } from '../../io/save-file.js';
import { english, type MessageKey, said } from '../../messages/catalogue.js';
import { MailLoginError } from './oauth-token.js';

export interface CredentialStore {
  /** Where the secret is kept, for messages: "Windows Credential Manager", a file's path. */
  readonly where: string;
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** Whether there was something to delete. */
  delete(account: string): Promise<boolean>;
}

const SERVICE = 'trappa';

/** The store TRAPPA_CREDENTIAL_FILE names, else the operating system's. */
export async function openCredentialStore(file: string | undefined): Promise<CredentialStore> {
  return file ? fileStore(path.resolve(file)) : keyringStore();
}

/** The operating system's store, as a word of the catalogue (said in the reader's language). */
function osStore(): MessageKey {
  if (process.platform === 'win32') return 'word.store.windows';
  if (process.platform === 'darwin') return 'word.store.mac';
  return 'word.store.linux';
}

async function keyringStore(): Promise<CredentialStore> {
  const whereWord = said(osStore());
  const where = english(whereWord);
  let keyring: typeof import('@napi-rs/keyring');
  try {
    keyring = await import('@napi-rs/keyring');
  } catch (cause) {
    throw new MailLoginError(english(said('cred.noBinary', { whereWord })), { cause });
  }
  // Every call may fail the same way: no keyring daemon (a container, CI), a locked keychain.
  const use = async <T>(account: string, what: (entry: InstanceType<typeof keyring.AsyncEntry>) => Promise<T>) => {
    try {
      return await what(new keyring.AsyncEntry(SERVICE, account));
    } catch (cause) {
      const detail = String((cause as Error).message).split('\n')[0] ?? '';
      throw new MailLoginError(english(said('cred.unavailable', { whereWord, detail })), { cause });
    }
  };
  return {
    where,
    get: (account) => use(account, async (entry) => (await entry.getPassword()) ?? undefined),
    set: (account, secret) => use(account, (entry) => entry.setPassword(secret)),
    delete: (account) => use(account, (entry) => entry.deletePassword()),
  };
}

/** A JSON file of account → secret, mode 0600 (on Windows the folder's own access rules apply). */
function fileStore(file: string): CredentialStore {
  const read = async (): Promise<Record<string, string>> => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '{}';
      throw error;
    });
    try {
      const json = JSON.parse(text) as unknown;
      return json && typeof json === 'object' ? (json as Record<string, string>) : {};
    } catch {
      throw new MailLoginError(english(said('cred.notFile', { file })));
    }
  };
  const write = async (all: Record<string, string>): Promise<void> => {
    if (Object.keys(all).length === 0) return void (await rm(file, { force: true }));
    // Created readable by its owner only, before a byte of the secret is in it.
    await saveAtomically(file, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
  };
  return {
    where: file,
    get: async (account) => (await read())[account],
    set: async (account, secret) => write({ ...(await read()), [account]: secret }),
    async delete(account) {
      const all = await read();
      if (!(account in all)) return false;
      delete all[account];
      await write(all);
      return true;
    },
  };
}
