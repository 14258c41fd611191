/**
 * `trappa mail login | logout | whoami`: the adviser's own Microsoft 365 sign-in (delegated,
 * src/post/email/delegated.ts), kept in the operating system's credential store. With
 * TRAPPA_OAUTH_FLOW=delegated, `trappa send` then sends as the signed-in account.
 */
import type { Command } from 'commander';
import { TrappaError } from '../errors.js';
import { type Messages, said, wordEntries } from '../messages/catalogue.js';
import { translateText } from '../messages/issue-text.js';

async function delegated() {
  const [{ loadLoginConfig }, flow] = await Promise.all([
    import('../post/email/mail-config.js'),
    import('../post/email/delegated.js'),
  ]);
  return { config: loadLoginConfig(process.env), ...flow };
}

/**
 * A sign-in, sign-out or who-am-I that failed (exit 6, as a refused login in `send`). Its own
 * type, so the first line says the sign-in did not work rather than that mail went undelivered.
 */
export class SignInError extends TrappaError {
  override readonly exitCode = 6;
}

/** `step`, with a failure of the sign-in (a MailLoginError and its kin, exit 6) as a SignInError. */
async function signInStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof TrappaError && error.exitCode === 6) throw new SignInError(error.message, { cause: error });
    throw error;
  }
}

export function registerMail(program: Command, { say, tell, lang }: Messages): void {
  // Where a sign-in is kept: a file's path as it is, the operating system's store as a catalogue word.
  const place = (where: string): string => {
    const word = wordEntries().find(([, entry]) => entry.en === where);
    return word ? tell(said(word[0])) : where;
  };
  const mail = program.command('mail').description(say('mail.desc'));
  mail
    .command('login')
    .description(say('mail.login'))
    .action(async () => {
      const { config, deviceCodeLogin } = await delegated();
      const { username, where } = await signInStep(() =>
        deviceCodeLogin(config, { say: (line) => console.log(translateText(line, lang)) }),
      );
      console.log(say('mail.signedIn', { user: username, where: place(where) }));
    });
  mail
    .command('logout')
    .description(say('mail.logout'))
    .action(async () => {
      const { config, signOut } = await delegated();
      const { removed, where } = await signInStep(() => signOut(config));
      console.log(say(removed ? 'mail.signedOut' : 'mail.nothingStored', { where: place(where) }));
    });
  mail
    .command('whoami')
    .description(say('mail.whoami'))
    .action(async () => {
      const { config, refresh } = await delegated();
      const { username } = await signInStep(() => refresh(config));
      console.log(say('mail.who', { user: username, app: config.clientId, tenant: config.tenant }));
    });
}
