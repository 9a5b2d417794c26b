import { type Command, Option } from 'commander';
import type { Requester } from '../../app/operation.ts';
import type { Store } from '../../app/store-connection.ts';
import { LANGUAGES, type Language } from '../../domain/language.ts';
import { TandemError } from '../../domain/tandem-error.ts';
import { action, localRequester, type StoreFlags, storeFlags } from '../cli-runtime.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

interface ServeFlags extends StoreFlags {
  port?: string;
  host?: string;
  demo?: boolean;
  demoLang?: Language;
  pull: string[];
  pullEvery: string;
}

const collect = (value: string, list: string[]) => [...list, value];

/**
 * A new demonstration store gets a data key under the master key at $TANDEM_KEY_FILE or
 * ./tandem.key (made when none is kept there yet: the French demonstration beside the English one
 * shares it), so that a first incident recorded as restricted, the form's default, is stored
 * encrypted instead of refused. A mission's real store has its key made on purpose with
 * `tandem keys init`, and kept apart from the store.
 */
async function demonstrationKeys(store: Store, requester: Requester): Promise<void> {
  const [{ runOperation }, { securityOperations }] = await Promise.all([
    import('../../app/run-operation.ts'),
    import('../../app/security-operations.ts'),
  ]);
  try {
    const r = await runOperation(
      securityOperations.initKeys,
      {},
      { via: 'cli', name: 'keys init', requester, store },
    );
    process.stderr.write(
      `tandem: ${r.keptKeyFile ? "wrapped the demonstration store's data key under the master key kept at" : 'made a master key for the demonstration store at'} ${r.keyFile}, so that incidents above public can be recorded encrypted; a mission keeps its own key apart from the store (tandem keys init)\n`,
    );
  } catch (e) {
    // A key file kept already, or keys set up: the store keeps what it has.
    if (!(e instanceof TandemError)) throw e;
  }
}

export function registerServeCommands(program: Command): void {
  storeFlags(
    program
      .command('serve')
      .description('serve the web workbench and the HTTP API (default http://localhost:7400, or $PORT)')
      .option('--port <n>', 'port to listen on (default: $PORT or 7400)')
      .option('--host <name>', 'address to listen on (default: 127.0.0.1, this machine only)')
      .option('--demo', 'when the store is empty, load the fictional demonstration mission first')
      .option('--no-demo', 'never load the demonstration mission')
      .addOption(
        new Option(
          '--demo-lang <lang>',
          'the language the demonstration mission is written in, en (default) or fr; implies --demo',
        ).choices(LANGUAGES),
      )
      .option(
        '--pull <source:country>',
        'pull a source in the background, e.g. "acled:South Sudan", "ucdp:Central African Republic" (repeatable; credentials from the environment)',
        collect,
        [],
      )
      .option('--pull-every <period>', 'how often the --pull sources are pulled: 30m, 12h, 7d, 1w', '7d'),
  ).action(
    action(async (flags: ServeFlags) => {
      // Decimal digits, as every number flag: Number() would take "" for 0 and "1e3" for 1000.
      const { decimalNumber } = await import('../../app/number-input.ts');
      const port = decimalNumber(String(flags.port ?? process.env.PORT ?? 7400));
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
        throw new TandemError(
          'bad-input',
          `--port must be a whole number from 0 to 65535, not "${flags.port}"`,
        );
      }
      if (flags.demoLang && flags.demo === false) {
        throw new TandemError(
          'bad-input',
          '--demo-lang chooses the language of the demonstration mission, which --no-demo turns off: give one or the other',
        );
      }
      const demo = flags.demo === true || flags.demoLang !== undefined;
      // Loaded here, not at start, so that other commands do not pay for the server.
      const [{ openStore }, { loadDemoMission }, { signInRequired }, { startServer }, schedule] =
        await Promise.all([
          import('../../app/store-connection.ts'),
          import('../../app/demo/load-demo-mission.ts'),
          import('../../app/user-accounts.ts'),
          import('../../server/start-server.ts'),
          import('../../app/pull-schedule.ts'),
        ]);
      const scheduled = flags.pull.map(schedule.parsePullSpec);
      const every = schedule.parseEvery(flags.pullEvery);
      const store = await openStore({ dbPath: flags.db, databaseUrl: flags.databaseUrl });
      try {
        if (demo) {
          const lang = flags.demoLang ?? 'en';
          const loaded = await loadDemoMission(
            { store, requester: await localRequester() },
            { onlyIfEmpty: true, lang },
          );
          if (!loaded.loaded && flags.demoLang) {
            // Asked for a language by name, the user should hear why the pages are not in it, unless
            // the store holds that very demonstration (started again, after a busy port say).
            const { demoTexts } = await import('../../app/demo/demo-texts.ts');
            const own = await store.db
              .selectFrom('country_counts')
              .select('country')
              .where('country', '=', demoTexts(lang).country)
              .limit(1)
              .executeTakeFirst();
            process.stderr.write(
              own
                ? `tandem: --demo-lang ${lang}: this store holds that demonstration already (${own.country})\n`
                : `tandem: --demo-lang ${lang}: the store already holds events, so no demonstration was loaded; give an empty store (--db PATH) to see it\n`,
            );
          }
          if (loaded.loaded) {
            process.stderr.write(
              `tandem: the store was empty; loaded the fictional demonstration mission (${loaded.events} events${lang === 'en' ? '' : `, written in ${lang}`})\n`,
            );
            for (const p of loaded.parts.filter((x) => !x.loaded)) {
              process.stderr.write(
                `tandem: demonstration ${p.part} not loaded (${p.operation}): ${p.note}\n`,
              );
            }
            await demonstrationKeys(store, await localRequester());
          }
        }
        const server = await startServer({ store, port, hostname: flags.host });
        if (flags.host && !LOOPBACK.has(flags.host) && !(await signInRequired(store))) {
          // Without accounts nobody could sign in; opening the port to everyone instead is no choice.
          await server.close();
          throw new TandemError(
            'bad-input',
            `--host ${flags.host}: the store has no accounts, so nobody could sign in to a workbench offered beyond this machine. Create one first with \`tandem users add NAME --roles admin\`, or leave out --host to serve this machine only.`,
          );
        }
        process.stderr.write(
          `tandem: workbench at ${server.url} (store: ${store.location}); Ctrl-C stops it\n`,
        );
        const { DEFAULT_WEB_ROOT } = await import('../../server/create-app.ts');
        const stale = (await import('../../server/web-build-age.ts')).staleWebBuildWarning(DEFAULT_WEB_ROOT);
        if (stale) process.stderr.write(`tandem: warning: ${stale}\n`);
        const pulls = new schedule.PullSchedule(store, scheduled, every, await localRequester(), (line) =>
          process.stderr.write(`${line}\n`),
        );
        pulls.start();
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await pulls.stop();
        await server.close();
      } finally {
        await store.close();
      }
    }),
  );
}
