import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { AuditLogTable, Database } from '../store/schema.ts';

/** The hash the first row of the chain points back to. */
export const GENESIS = '0'.repeat(64);

/** One thing that happened to a record, as the audit keeps it. */
export interface AuditEntry {
  actor: string;
  action: string;
  recordKind: string;
  recordId: string;
  sensitivity: string;
  /** What changed or why; never the protected fields themselves. */
  detail?: Record<string, unknown>;
}

type Row = Omit<AuditLogTable, 'id'> & { id: number };

/**
 * The hash of a row: SHA-256 over the previous row's hash and every field of this one, the id
 * included, so that a row altered, removed (the next one's id and back-link no longer fit) or
 * moved changes the chain from there on.
 */
export function rowHash(r: Omit<Row, 'hash'>): string {
  const fields = [r.id, r.at, r.actor, r.action, r.record_kind, r.record_id, r.sensitivity, r.detail];
  return createHash('sha256')
    .update(`${r.prev_hash}\n${JSON.stringify(fields)}`, 'utf8')
    .digest('hex');
}

/**
 * Appends entries to the audit, each row chained to the one before. Runs in the caller's
 * transaction when given one (a Kysely transaction, or `inTransaction` for one begun otherwise); rows are numbered here, after the table is locked (PostgreSQL) or
 * the write lock taken (SQLite), so two writers cannot both chain to the same row.
 */
export async function appendAudit(
  db: Kysely<Database>,
  entries: readonly AuditEntry[],
  options: { inTransaction?: boolean } = {},
): Promise<void> {
  if (!entries.length) return;
  const write = async (trx: Kysely<Database>) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    }
    const last = await trx
      .selectFrom('audit_log')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    let prev = last?.hash ?? GENESIS;
    let id = Number(last?.id ?? 0);
    const at = new Date().toISOString();
    const rows: Row[] = entries.map((e) => {
      id += 1;
      const base = {
        id,
        at,
        actor: e.actor,
        action: e.action,
        record_kind: e.recordKind,
        record_id: e.recordId,
        sensitivity: e.sensitivity,
        detail: JSON.stringify(e.detail ?? {}),
        prev_hash: prev,
      };
      prev = rowHash(base);
      return { ...base, hash: prev };
    });
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('audit_log')
        .values(rows.slice(i, i + 500) as never)
        .execute();
    }
  };
  // A caller already inside a transaction it began itself (an import's) says so: Kysely cannot tell.
  if (db.isTransaction || options.inTransaction) await write(db);
  else await db.transaction().execute(write);
  const watch = auditWatch.getStore();
  if (watch) watch.entries += entries.length;
}

const auditWatch = new AsyncLocalStorage<{ entries: number }>();

/**
 * Runs `fn` and says whether it wrote to the audit: an answer that released records to be audited
 * must not be served again from memory, where a second read would go unlogged.
 */
export async function watchingAudit<T>(fn: () => Promise<T>): Promise<{ result: T; audited: boolean }> {
  const watch = { entries: 0 };
  const result = await auditWatch.run(watch, fn);
  return { result, audited: watch.entries > 0 };
}

export interface AuditVerification {
  ok: boolean;
  /** Rows checked (all of them when the chain holds; up to the first bad one otherwise). */
  rows: number;
  /** The first row that does not fit, and why. */
  firstBad?: { id: number; reason: string };
  /** The hash of the last row: keep it elsewhere, and a removed tail shows too. */
  head: string;
}

/**
 * Walks the whole audit in order and checks every link: each row's hash is recomputed from its
 * fields, and must equal what it stores and what the next row points back to; ids follow one
 * another. Names the first row that does not fit. Given the head kept elsewhere (`expectedHead`),
 * the chain must pass through it: rows removed from the end show, and so do rows altered with every
 * later hash recomputed; rows appended since the head was kept do not count against it.
 */
export async function verifyAudit(db: Kysely<Database>, expectedHead?: string): Promise<AuditVerification> {
  let prev = GENESIS;
  let expectedId = 1;
  let rows = 0;
  let afterId = 0;
  // The head kept is some row's hash: rows appended since it was kept follow it.
  let headFound = expectedHead === undefined || expectedHead === GENESIS;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (!page.length) break;
    for (const raw of page) {
      const r = { ...raw, id: Number(raw.id) } as Row;
      const bad = (reason: string) => ({ ok: false, rows, firstBad: { id: r.id, reason }, head: prev });
      if (r.id !== expectedId) return bad(`row ${expectedId} is missing (the next row is ${r.id})`);
      if (r.prev_hash !== prev)
        return bad('it does not point back to the row before it (rows removed or moved)');
      if (rowHash(r) !== r.hash) return bad('its content does not match its hash (the row was altered)');
      prev = r.hash;
      if (r.hash === expectedHead) headFound = true;
      expectedId++;
      rows++;
    }
    afterId = Number(page[page.length - 1]!.id);
  }
  if (!headFound) {
    // The chain holds together but never reaches the head kept: rows were cut from its end, or
    // rows were altered and every hash after them computed again (the hash is not keyed, so
    // whoever can write to the database can do that; only a head kept outside it shows it).
    return {
      ok: false,
      rows,
      firstBad: {
        id: expectedId,
        reason: `no row of the chain (${rows} rows, ending at ${prev.slice(0, 12)}…) has the head kept (${expectedHead!.slice(0, 12)}…): rows were removed from the end, or rows were altered and the hashes after them recomputed; compare with a backup`,
      },
      head: prev,
    };
  }
  return { ok: true, rows, head: prev };
}

/** The hash of the latest row (GENESIS while the audit is empty): keep it outside the database. */
export async function auditHead(db: Kysely<Database>): Promise<{ id: number; hash: string }> {
  const last = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { id: Number(last.id), hash: last.hash } : { id: 0, hash: GENESIS };
}
