import type { Command } from 'commander';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';

const security = () => import('../../app/security-operations.ts').then((m) => m.securityOperations);

type Flags = StoreFlags & { json?: boolean };

/** `tandem keys init|rotate` and `tandem audit verify|head`. */
export function registerSecurityCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description(
      'encryption at rest: the master key is kept in $TANDEM_KEY_FILE (default ./tandem.key), never in the database',
    );
  storeFlags(
    keys
      .command('init')
      .description(
        'make a master key (file mode 0600; one kept already is used) and the data key it wraps; once per store',
      )
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: Flags) => {
      const r = await runCommand((await security()).initKeys, {}, { name: 'keys init', store: flags });
      if (flags.json) return printJson(r);
      console.log(
        r.keptKeyFile
          ? `this store's data key is wrapped under the master key kept at ${r.keyFile} (it protects other stores too); keep a copy apart from the databases and their backups`
          : `master key written to ${r.keyFile} (readable by you only); keep a copy apart from the database and its backups`,
      );
    }),
  );
  storeFlags(
    keys
      .command('rotate')
      .description('replace the master key: the data keys are re-wrapped under a new one')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: Flags) => {
      const r = await runCommand((await security()).rotateKeys, {}, { name: 'keys rotate', store: flags });
      if (flags.json) return printJson(r);
      console.log(
        `${r.dataKeys} data key(s) re-wrapped; new master key in ${r.keyFile}; the replaced key is kept at ${r.previousKeyFile}: another store set up under it opens only with it (rotate that store with TANDEM_KEY_FILE naming the copy), and delete the copy once none needs it`,
      );
    }),
  );

  const audit = program
    .command('audit')
    .description(
      'the tamper-evident audit of every creation, change, release and export of a non-public record',
    );
  storeFlags(
    audit
      .command('verify')
      .description(
        'check the whole chain; exit 0 with the rows checked, or 1 naming the first row that does not fit',
      )
      .option(
        '--head <hash>',
        'a head kept elsewhere (`tandem audit head`): the chain must pass through it, so rows cut from the end, or altered and rehashed, show too',
      )
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: Flags & { head?: string }) => {
      const r = await runCommand(
        (await security()).verifyAudit,
        { head: flags.head },
        { name: 'audit verify', store: flags },
      );
      if (flags.json) printJson(r);
      else if (r.ok) console.log(`audit intact: ${r.rows} row(s) checked; head ${r.head}`);
      else
        console.log(
          `audit broken at row ${r.firstBad?.id}: ${r.firstBad?.reason} (${r.rows} row(s) before it check out)`,
        );
      if (!r.ok) process.exit(1);
    }),
  );
  storeFlags(
    audit
      .command('head')
      .description('the hash of the latest audit row, to keep outside the database')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: Flags) => {
      const r = await runCommand((await security()).auditHead, {}, { name: 'audit head', store: flags });
      if (flags.json) return printJson(r);
      console.log(r.hash);
    }),
  );
}
