import type { Command } from 'commander';
import type { BaseContext, Operation, Requester } from '../app/operation.ts';
import { isTandemError } from '../domain/tandem-error.ts';

// Only types and the error type are imported above: every command's action loads its operation,
// the store and the rest with import(), so that `tandem --help` and each command load only the
// code they use.

export interface StoreFlags {
  db?: string;
  databaseUrl?: string;
}

/** Adds --db and --database-url to a command. */
export function storeFlags(cmd: Command): Command {
  return cmd
    .option('--db <path>', 'SQLite database file, or a postgres:// URL (default: $TANDEM_DB or ./tandem.db)')
    .option('--database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL)');
}

/** How a command names the fields of its operation's input in messages. */
export interface CommandFields {
  /**
   * A field's name on the command line where it is not the field's name in kebab case with `--`
   * (`evidenceLimit` is `--evidence`, `paths` the FILES argument).
   */
  [field: string]: string;
}

/** The flag a path of the operation's input stands for: `--kebab-case` unless the command says. */
export function flagName(path: readonly (string | number)[], fields: CommandFields = {}): string {
  const head = String(path[0] ?? '');
  if (Object.hasOwn(fields, head)) return fields[head] as string;
  return `--${head.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export interface RunCommandOptions {
  /** The command as typed (`drivers tag`), for messages. */
  name: string;
  /** Where the store is, when the operation needs one. */
  store?: StoreFlags;
  fields?: CommandFields;
  onProgress?: BaseContext['onProgress'];
  /** The name the person at the terminal acts under for this command (`drivers tag --analyst`). */
  actAs?: string;
}

/**
 * Runs an operation for a command, the one way every command does: through `runOperation`, which
 * parses the raw flags with the operation's schema (a failure names the flag), checks the
 * requester's rights and opens the store only if the operation needs one, and closes it after.
 */
export async function runCommand<I, O>(
  op: Operation<I, O>,
  raw: unknown,
  options: RunCommandOptions,
): Promise<O> {
  const [{ runOperation }, local] = await Promise.all([import('../app/run-operation.ts'), localRequester()]);
  const requester = options.actAs ? { ...local, name: options.actAs } : local;
  const flags = options.store ?? {};
  return runOperation(op, raw, {
    via: 'cli',
    name: options.name,
    requester,
    openStore: async () => {
      const { isPostgresUrl, openStore } = await import('../app/store-connection.ts');
      if (
        flags.db &&
        flags.db !== ':memory:' &&
        !flags.databaseUrl &&
        op.writes === undefined &&
        !isPostgresUrl(flags.db)
      )
        await refuseMissingStore(flags.db);
      return openStore({ dbPath: flags.db, databaseUrl: flags.databaseUrl });
    },
    fieldName: (path) => flagName(path, options.fields),
    onProgress: options.onProgress,
  });
}

/**
 * A command that only reads, given a `--db` that names no file, would make an empty store there
 * and answer from it: "no events", or an export of nothing, when the path was mistyped. It is
 * refused instead, naming the path (alerts and exports probes).
 */
async function refuseMissingStore(path: string): Promise<void> {
  const { existsSync } = await import('node:fs');
  if (!existsSync(path)) {
    const { TandemError } = await import('../domain/tandem-error.ts');
    throw new TandemError(
      'bad-input',
      `--db ${path} names no store (no such file): check the path, or make one there with \`tandem import FILE --db ${path}\``,
    );
  }
}

/**
 * The person at the terminal: TANDEM_USER or the login name, with full clearance unless
 * TANDEM_ROLES narrows it (the rule is app's `requesterFromEnvironment`, shared with the server).
 */
export async function localRequester(): Promise<Requester> {
  const { requesterFromEnvironment } = await import('../app/requester-from-environment.ts');
  return requesterFromEnvironment(process.env.USER ?? 'local');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The one place the CLI turns errors into what a user sees: a user error prints its message and
 * exits 2; anything else is a bug, printed with its stack only when TANDEM_DEBUG is set.
 */
export function reportError(e: unknown): never {
  if (isTandemError(e)) {
    process.stderr.write(`tandem: ${e.message}\n`);
    process.exit(e.exitCode);
  }
  const err = e as Error;
  process.stderr.write(`tandem: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.TANDEM_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  else process.stderr.write('(this is a bug in Tandem; run again with TANDEM_DEBUG=1 to see where)\n');
  process.exit(1);
}

/** Wraps a commander action so errors go through reportError. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      reportError(e);
    }
  };
}

/** A comma-separated flag as its list of values; undefined when the flag is not given. */
export function commaList(flag: string | undefined): string[] | undefined {
  return flag
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
