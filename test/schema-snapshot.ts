import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DialectName, Store } from '../src/store/store.ts';

/**
 * The schema a fresh store ends up with after every migration, read back from the database's own
 * catalogue, in one shape for both dialects: what test/schema-snapshot.test.ts compares with the
 * committed test/schema/<dialect>.json, and what scripts/schema-snapshot.ts writes there.
 *
 * What varies without meaning is left out or normalised: names the database makes up for a
 * constraint's index (SQLite's sqlite_autoindex_*, PostgreSQL's *_pkey and *_key) become the
 * constraint's columns, and everything is sorted by name, not by catalogue order.
 */
export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'schema');

export function snapshotFile(dialect: DialectName): string {
  return `${dialect}.json`;
}

interface ColumnSnapshot {
  type: string;
  nullable: boolean;
  /** The default as the database spells it, or null. */
  default: string | null;
  /** PostgreSQL identity columns: 'always' or 'by default'. */
  identity?: string;
}

interface IndexSnapshot {
  columns: string[];
  unique: boolean;
  /** A partial index's condition, or null. */
  where: string | null;
}

interface ForeignKeySnapshot {
  columns: string[];
  references: string;
  referencedColumns: string[];
  onUpdate: string;
  onDelete: string;
}

/**
 * One table, each part one line of text so that a change reads as one line of the diff:
 * a column as `text not null default 'public'`, an index as `unique (source, source_event_id)`.
 */
export interface TableSnapshot {
  columns: Record<string, string>;
  primaryKey: string;
  /** By index name; an index made for a UNIQUE constraint is named `unique(<columns>)`. */
  indexes: Record<string, string>;
  foreignKeys: string[];
}

export interface SchemaSnapshot {
  dialect: DialectName;
  /** The migrations applied, by name: a new one without a new snapshot fails too. */
  migrations: string[];
  tables: Record<string, TableSnapshot>;
}

function tableSnapshot(
  columns: Record<string, ColumnSnapshot>,
  primaryKey: string[],
  indexes: Record<string, IndexSnapshot>,
  foreignKeys: ForeignKeySnapshot[],
): TableSnapshot {
  const column = (c: ColumnSnapshot) =>
    [
      c.type,
      c.nullable ? 'null' : 'not null',
      c.default === null ? '' : `default ${c.default}`,
      c.identity ? `generated ${c.identity} as identity` : '',
    ]
      .filter(Boolean)
      .join(' ');
  const index = (i: IndexSnapshot) =>
    `${i.unique ? 'unique ' : ''}(${i.columns.join(', ')})${i.where === null ? '' : ` where ${i.where}`}`;
  const fk = (f: ForeignKeySnapshot) =>
    `(${f.columns.join(', ')}) references ${f.references} (${f.referencedColumns.join(', ')}) ` +
    `on update ${f.onUpdate.toLowerCase()} on delete ${f.onDelete.toLowerCase()}`;
  return {
    columns: sortKeys(Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, column(c)]))),
    primaryKey: primaryKey.join(', '),
    indexes: sortKeys(Object.fromEntries(Object.entries(indexes).map(([k, i]) => [k, index(i)]))),
    foreignKeys: foreignKeys.map(fk).sort(),
  };
}

/**
 * What differs between two snapshots, one line per table, column, index or key, named by table:
 * the part of a failure message a reviewer reads first.
 */
export function schemaChanges(before: SchemaSnapshot, after: SchemaSnapshot): string[] {
  const out: string[] = [];
  const added = after.migrations.filter((m) => !before.migrations.includes(m));
  const gone = before.migrations.filter((m) => !after.migrations.includes(m));
  if (added.length) out.push(`migrations added: ${added.join(', ')}`);
  if (gone.length) out.push(`migrations gone: ${gone.join(', ')}`);
  const compare = (what: string, a: Record<string, string>, b: Record<string, string>) => {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (a[k] !== b[k]) out.push(`${what} ${k}: ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`);
  };
  for (const t of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const a = before.tables[t];
    const b = after.tables[t];
    if (!a || !b) {
      out.push(`table ${t}: ${a ? 'dropped' : 'added'}`);
      continue;
    }
    compare('column', prefix(t, a.columns), prefix(t, b.columns));
    compare('primary key of', { [t]: a.primaryKey }, { [t]: b.primaryKey });
    compare('index', prefix(t, a.indexes), prefix(t, b.indexes));
    const fa = a.foreignKeys.join('; ');
    const fb = b.foreignKeys.join('; ');
    if (fa !== fb) out.push(`foreign keys of ${t}: ${fa || '(none)'} → ${fb || '(none)'}`);
  }
  return out;
}

function prefix(t: string, o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${t}.${k}`, v]));
}

/** Kysely's own bookkeeping, not our schema. */
const IGNORED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export async function introspectSchema(store: Store): Promise<SchemaSnapshot> {
  const migrations = (
    await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db)
  ).rows.map((r) => r.name);
  const tables = store.dialect === 'sqlite' ? await sqliteTables(store) : await postgresTables(store);
  return { dialect: store.dialect, migrations, tables: sortKeys(tables) };
}

/** The snapshot as the committed file holds it: two-space JSON and a final newline. */
export function snapshotText(snapshot: SchemaSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

async function sqliteTables(store: Store): Promise<Record<string, TableSnapshot>> {
  const db = store.db;
  const names = (
    await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
    `.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((n) => !IGNORED_TABLES.has(n));
  const tables: Record<string, TableSnapshot> = {};
  for (const table of names) {
    const cols = (
      await sql<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>`
        SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_xinfo(${table})
      `.execute(db)
    ).rows;
    const columns: Record<string, ColumnSnapshot> = {};
    for (const c of cols)
      columns[c.name] = { type: c.type.toLowerCase(), nullable: c.notnull === 0, default: c.dflt_value };
    const primaryKey = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);

    const indexes: Record<string, IndexSnapshot> = {};
    const list = (
      await sql<{ name: string; unique: number; origin: string; partial: number }>`
        SELECT name, "unique", origin, partial FROM pragma_index_list(${table})
      `.execute(db)
    ).rows;
    for (const ix of list) {
      if (ix.origin === 'pk') continue; // the primary key, recorded above
      const keyCols = (
        await sql<{ seqno: number; name: string | null }>`
          SELECT seqno, name FROM pragma_index_info(${ix.name}) ORDER BY seqno
        `.execute(db)
      ).rows.map((k) => k.name ?? '(expression)');
      let where: string | null = null;
      if (ix.partial) {
        const def = (
          await sql<{
            sql: string;
          }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ${ix.name}`.execute(db)
        ).rows[0]?.sql;
        where = def ? squash(def.slice(def.search(/\bwhere\b/i) + 5)) : null;
      }
      const name = ix.origin === 'u' ? `unique(${keyCols.join(', ')})` : ix.name;
      indexes[name] = { columns: keyCols, unique: ix.unique === 1, where };
    }

    const fkRows = (
      await sql<{
        id: number;
        seq: number;
        table: string;
        from: string;
        to: string | null;
        on_update: string;
        on_delete: string;
      }>`
        SELECT id, seq, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(${table}) ORDER BY id, seq
      `.execute(db)
    ).rows;
    const byId = new Map<number, ForeignKeySnapshot>();
    for (const r of fkRows) {
      let fk = byId.get(r.id);
      if (!fk) {
        fk = {
          columns: [],
          references: r.table,
          referencedColumns: [],
          onUpdate: r.on_update,
          onDelete: r.on_delete,
        };
        byId.set(r.id, fk);
      }
      fk.columns.push(r.from);
      fk.referencedColumns.push(r.to ?? '(primary key)');
    }
    tables[table] = tableSnapshot(columns, primaryKey, indexes, [...byId.values()]);
  }
  return tables;
}

/** PostgreSQL's one-letter foreign key actions, spelled as SQLite's pragma spells them. */
const PG_ACTION: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

async function postgresTables(store: Store): Promise<Record<string, TableSnapshot>> {
  const db = store.db;
  const names = (
    await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    `.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((n) => !IGNORED_TABLES.has(n));
  const tables: Record<string, TableSnapshot> = {};
  for (const table of names) {
    const rel = sql`(quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass`;
    const cols = (
      await sql<{ name: string; type: string; notnull: boolean; dflt: string | null; identity: string }>`
        SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
          pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity AS identity
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ${rel} AND a.attnum > 0 AND NOT a.attisdropped
      `.execute(db)
    ).rows;
    const columns: Record<string, ColumnSnapshot> = {};
    for (const c of cols) {
      const col: ColumnSnapshot = {
        type: c.type,
        nullable: !c.notnull,
        // A serial's sequence is named after its table and column; the name is the database's.
        default: c.dflt?.replace(/nextval\('[^']*'::regclass\)/, 'nextval(<sequence>)') ?? null,
      };
      if (c.identity === 'a') col.identity = 'always';
      if (c.identity === 'd') col.identity = 'by default';
      columns[c.name] = col;
    }

    const constraints = (
      await sql<{
        contype: string;
        conindid: number;
        columns: string[];
        references: string | null;
        refcolumns: string[] | null;
        upd: string;
        del: string;
      }>`
        SELECT con.contype, con.conindid::int AS conindid,
          ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
          fc.relname AS "references",
          ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS refcolumns,
          con.confupdtype AS upd, con.confdeltype AS del
        FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        WHERE con.conrelid = ${rel} AND con.contype IN ('p', 'u', 'f')
      `.execute(db)
    ).rows;
    const primaryKey = constraints.find((c) => c.contype === 'p')?.columns ?? [];
    const uniqueIndex = new Map(
      constraints.filter((c) => c.contype === 'u').map((c) => [c.conindid, c.columns]),
    );
    const foreignKeys = constraints
      .filter((c) => c.contype === 'f')
      .map((c) => ({
        columns: c.columns,
        references: c.references ?? '',
        referencedColumns: c.refcolumns ?? [],
        onUpdate: PG_ACTION[c.upd] ?? c.upd,
        onDelete: PG_ACTION[c.del] ?? c.del,
      }));

    const indexes: Record<string, IndexSnapshot> = {};
    const ixRows = (
      await sql<{
        oid: number;
        name: string;
        unique: boolean;
        primary: boolean;
        columns: string[];
        where: string | null;
      }>`
        SELECT i.indexrelid::int AS oid, ic.relname AS name, i.indisunique AS "unique", i.indisprimary AS "primary",
          ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k)::text[] AS columns,
          pg_get_expr(i.indpred, i.indrelid, true) AS "where"
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = ${rel}
      `.execute(db)
    ).rows;
    for (const ix of ixRows) {
      if (ix.primary) continue; // the primary key, recorded above
      const constraintColumns = uniqueIndex.get(ix.oid);
      const name = constraintColumns ? `unique(${constraintColumns.join(', ')})` : ix.name;
      indexes[name] = { columns: ix.columns, unique: ix.unique, where: ix.where };
    }
    tables[table] = tableSnapshot(columns, primaryKey, indexes, foreignKeys);
  }
  return tables;
}
