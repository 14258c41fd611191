/**
 * `trappa mail login | logout | whoami`: the adviser's own Microsoft 365 sign-in (delegated,
 * src/post/email/delegated.ts), kept in the operating system's credential store. With
 * TRAPPA_OAUTH_FLOW=delegated, `trappa send` then sends as the signed-in account.
 */
import type { Command } from 'commander';
import { type Messages, said, wordEntries } from '../messages/catalogue.js';
import { translateText } from '../messages/issue-text.js';

async function delegated() {
  const [{ loadLoginConfig }, flow] = await Promise.all([
    import('../post/email/mail-config.js'),
    import('../post/email/delegated.js'),
  ]);
  return { config: loadLoginConfig(process.env), ...flow };
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
      const { username, where } = await deviceCodeLogin(config, {
        say: (line) => console.log(translateText(line, lang)),
      });
      console.log(say('mail.signedIn', { user: username, where: place(where) }));
    });
  mail
    .command('logout')
    .description(say('mail.logout'))
    .action(async () => {
      const { config, signOut } = await delegated();
      const { removed, where } = await signOut(config);
      console.log(say(removed ? 'mail.signedOut' : 'mail.nothingStored', { where: place(where) }));
    });
  mail
    .command('whoami')
    .description(say('mail.whoami'))
    .action(async () => {
      const { config, refresh } = await delegated();
      const { username } = await refresh(config);
      console.log(say('mail.who', { user: username, app: config.clientId, tenant: config.tenant }));
    });
}
