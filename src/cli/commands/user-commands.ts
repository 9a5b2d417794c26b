import type { Command } from 'commander';
import type { IssuedToken } from '../../app/user-accounts.ts';
import { ROLE_CLEARANCE } from '../../domain/sensitivity.ts';
import { TandemError } from '../../domain/tandem-error.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { formatTable } from '../table.ts';

type Flags = StoreFlags & { json?: boolean };

// Each action imports the account operations when it runs: registering commands stays cheap.
const users = () => import('../../app/user-operations.ts').then((m) => m.userOperations);
const NAME = { name: 'NAME' };

/** The password from standard input: its first line, without the line break. */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/**
 * The workbench's address as people reach it, for the sign-in link: `--url`, else $TANDEM_URL (the
 * address the server is told it has behind a proxy or a DNS name), else this machine on $PORT or
 * 7400, where `tandem serve` listens by default.
 */
function workbenchUrl(flag: string | undefined): URL {
  const given = flag ?? process.env.TANDEM_URL;
  if (!given) return new URL(`http://localhost:${process.env.PORT || '7400'}`);
  const what = flag === undefined ? 'TANDEM_URL' : '--url';
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new TandemError(
      'bad-input',
      `${what}: "${given}" is not an address such as https://tandem.mission.example`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TandemError('bad-input', `${what}: "${given}" is not an http or https address`);
  return url;
}

function printIssued(t: IssuedToken, url: URL, json?: boolean): void {
  if (json) {
    printJson({ name: t.name, roles: t.roles, offices: t.offices, token: t.token });
    return;
  }
  console.log(
    `account "${t.name}" (roles: ${t.roles.join(', ')}${t.offices.length ? `; offices: ${t.offices.join(', ')}` : ''})`,
  );
  console.log(`token, shown this once: ${t.token}`);
  console.log(`sign-in link: ${new URL(`/sign-in#token=${t.token}`, url).href}`);
  console.log('scripts send it as the header  Authorization: Bearer <token>');
}

const URL_OPTION = [
  '--url <url>',
  "the workbench's address for the sign-in link (default $TANDEM_URL, else http://localhost:$PORT or 7400)",
] as const;

/**
 * Accounts for the workbench. Whoever can open the store administers them (as for every CLI
 * command); once one exists, the workbench and the API ask everyone to sign in.
 */
export function registerUserCommands(program: Command): void {
  const group = program
    .command('users')
    .description('workbench accounts: once one exists, the workbench and the API require sign-in');

  storeFlags(
    group
      .command('add')
      .description('create an account and print its sign-in token (shown once; only its hash is stored)')
      .argument('<name>', 'the person, as the access log should name them')
      .requiredOption('--roles <roles>', `comma-separated: ${Object.keys(ROLE_CLEARANCE).join(', ')}`)
      .option(
        '--offices <offices>',
        'comma-separated field offices, for need-to-know (all-offices for every one)',
      )
      .option(
        '--password-stdin',
        'read a password for the browser sign-in from standard input (at least 12 characters)',
      )
      .option(...URL_OPTION)
      .option('--json', 'print the result as JSON'),
  ).action(
    action(
      async (
        name: string,
        flags: Flags & { roles: string; offices?: string; passwordStdin?: boolean; url?: string },
      ) => {
        // A bad address is refused before the account is made.
        const url = workbenchUrl(flags.url);
        const password = flags.passwordStdin ? await readPassword() : undefined;
        const t = await runCommand(
          (await users()).addUser,
          { name, roles: flags.roles, offices: flags.offices, password },
          { name: 'users add', store: flags, fields: NAME },
        );
        printIssued(t, url, flags.json);
      },
    ),
  );

  storeFlags(
    group
      .command('token')
      .description('issue a new token for an account; the old one stops working')
      .argument('<name>')
      .option(...URL_OPTION)
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (name: string, flags: Flags & { url?: string }) => {
      const url = workbenchUrl(flags.url);
      const t = await runCommand(
        (await users()).reissueToken,
        { name },
        { name: 'users token', store: flags, fields: NAME },
      );
      printIssued(t, url, flags.json);
    }),
  );

  storeFlags(
    group
      .command('password')
      .description(
        "set or replace an account's browser password from standard input, or remove it; the account's sessions end (its token is unchanged: users token replaces that)",
      )
      .argument('<name>')
      .option('--password-stdin', 'read the new password from standard input (at least 12 characters)')
      .option(
        '--remove',
        'remove the password: the browser sign-in form no longer lets anyone in under this name',
      )
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (name: string, flags: Flags & { passwordStdin?: boolean; remove?: boolean }) => {
      if (!flags.passwordStdin === !flags.remove)
        throw new TandemError(
          'bad-input',
          'users password: give --password-stdin (a new password) or --remove',
        );
      const password = flags.remove ? null : await readPassword();
      const r = await runCommand(
        (await users()).setPassword,
        { name, password },
        { name: 'users password', store: flags, fields: NAME },
      );
      if (flags.json) return printJson(r);
      console.log(
        r.password === 'set'
          ? `password of "${name}" set; its sessions have ended`
          : `password of "${name}" removed; its sessions have ended`,
      );
    }),
  );

  storeFlags(
    group
      .command('remove')
      .description('remove an account; its token stops working')
      .argument('<name>')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (name: string, flags: Flags) => {
      const r = await runCommand(
        (await users()).removeUser,
        { name },
        { name: 'users remove', store: flags, fields: NAME },
      );
      if (flags.json) return printJson(r);
      console.log(`removed "${r.removed}"`);
    }),
  );

  storeFlags(
    group
      .command('list')
      .description('the accounts, their roles and offices (never their tokens)')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: Flags) => {
      const { accounts } = await runCommand(
        (await users()).listUsers,
        {},
        { name: 'users list', store: flags },
      );
      if (flags.json) return printJson({ accounts });
      if (!accounts.length) return console.log('no accounts: the workbench does not ask anyone to sign in');
      console.log(
        formatTable(
          // The offices decide need-to-know: a reviewer of who may read what needs them beside the roles.
          ['name', 'roles', 'offices', 'created'],
          accounts.map((a) => [a.name, a.roles.join(', '), a.offices.join(', ') || '(none)', a.createdAt]),
        ),
      );
    }),
  );
}
