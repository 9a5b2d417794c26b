import type { Command } from 'commander';
import type { z } from 'zod';
import type { AppContext } from '../app/operation.ts';
import { isTandemError, TandemError } from '../domain/tandem-error.ts';
import { openStore } from '../store/store.ts';

export interface StoreFlags {
  db?: string;
  databaseUrl?: string;
}

/** Adds --db and --database-url to a command. */
export function storeFlags(cmd: Command): Command {
  return cmd
    .option('--db <path>', 'SQLite database file (default: $TANDEM_DB or ./tandem.db)')
    .option('--database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL)');
}

/** Opens the store named by the flags, runs `fn` with an app context, and always closes it. */
export async function withContext<T>(flags: StoreFlags, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const store = await openStore({ dbPath: flags.db, databaseUrl: flags.databaseUrl });
  try {
    return await fn({ store, requester: localRequester() });
  } finally {
    await store.close();
  }
}

/**
 * The person at the terminal. Whoever can open the database file can read it all, so the CLI
 * defaults to full clearance; TANDEM_ROLES (comma-separated: viewer, analyst, poc, protection,
 * admin, …) narrows it, for example on a shared PostgreSQL server. Reads are logged either way.
 */
export function localRequester() {
  const roles = (process.env.TANDEM_ROLES ?? 'admin')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  return { name: process.env.TANDEM_USER ?? process.env.USER ?? 'local', roles };
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

/**
 * Validates a command's flags with an operation's input schema, naming the flag at fault (the
 * schema's field names are the flags' names in camelCase).
 */
export function parseFlags<I>(op: { input: z.ZodType<I> }, value: unknown): I {
  const r = op.input.safeParse(value);
  if (r.success) return r.data;
  const flag = (p: PropertyKey[]) =>
    `--${p
      .map(String)
      .join('.')
      .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new TandemError(
    'bad-input',
    r.error.issues.map((i) => (i.path.length ? `${flag(i.path)}: ${i.message}` : i.message)).join('; '),
  );
}
