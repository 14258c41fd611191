/**
 * `trappa mail login | logout | whoami`: the adviser's own Microsoft 365 sign-in (delegated,
 * src/post/email/delegated.ts), kept in the operating system's credential store. With
 * TRAPPA_OAUTH_FLOW=delegated, `trappa send` then sends as the signed-in account.
 */
import type { Command } from 'commander';

async function delegated() {
  const [{ loadLoginConfig }, flow] = await Promise.all([
    import('../post/email/mail-config.js'),
    import('../post/email/delegated.js'),
  ]);
  return { config: loadLoginConfig(process.env), ...flow };
}

export function registerMail(program: Command): void {
  const mail = program
    .command('mail')
    .description('sign in to Microsoft 365 as yourself, to send with TRAPPA_OAUTH_FLOW=delegated');
  mail
    .command('login')
    .description(
      'sign in with a code entered in any browser (device code); the sign-in is kept in the OS credential store',
    )
    .action(async () => {
      const { config, deviceCodeLogin } = await delegated();
      const { username, where } = await deviceCodeLogin(config, { say: (line) => console.log(line) });
      console.log(`✓ signed in as ${username}; the sign-in is kept in ${where}`);
    });
  mail
    .command('logout')
    .description('forget the sign-in kept in the OS credential store')
    .action(async () => {
      const { config, signOut } = await delegated();
      const { removed, where } = await signOut(config);
      console.log(removed ? `✓ signed out; removed from ${where}` : `not signed in (nothing in ${where})`);
    });
  mail
    .command('whoami')
    .description('show who is signed in, after checking with Microsoft 365 that the sign-in still works')
    .action(async () => {
      const { config, refresh } = await delegated();
      const { username } = await refresh(config);
      console.log(`signed in as ${username} (app ${config.clientId}, tenant ${config.tenant})`);
    });
}
