import assert from 'node:assert/strict';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { keepingStatements } from './statement-cache.ts';

function withDb(run: (raw: BetterSqlite3.Database) => void | Promise<void>) {
  const raw = new BetterSqlite3(':memory:');
  raw.exec('create table t (a integer); insert into t values (1), (2), (3)');
  return Promise.resolve(run(raw)).finally(() => raw.close());
}

test('a statement is prepared once per text and reused', () =>
  withDb((raw) => {
    const db = keepingStatements(raw);
    const first = db.prepare('select a from t where a > ?');
    assert.equal(db.prepare('select a from t where a > ?'), first);
    assert.notEqual(db.prepare('select a from t where a < ?'), first);
  }));

test('a statement still being read is not handed out again', () =>
  withDb((raw) => {
    const db = keepingStatements(raw);
    const text = 'select a from t order by a';
    const open = db.prepare(text).iterate([]);
    assert.deepEqual(open.next().value, { a: 1 });
    const other = db.prepare(text);
    assert.deepEqual(other.all([]), [{ a: 1 }, { a: 2 }, { a: 3 }]);
    assert.deepEqual(open.next().value, { a: 2 });
    open.return?.();
  }));

test('only the most recently used are kept', () =>
  withDb((raw) => {
    const db = keepingStatements(raw, 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    assert.equal(db.prepare('select 1'), one, 'used again: now the most recent');
    db.prepare('select 3');
    assert.equal(db.prepare('select 1'), one);
    assert.notEqual(db.prepare('select 2'), two, 'the least recently used was dropped');
  }));

test('a kept statement follows a change of schema', () =>
  withDb((raw) => {
    const db = keepingStatements(raw);
    assert.deepEqual(db.prepare('select * from t where a = ?').all([1]), [{ a: 1 }]);
    raw.exec("alter table t add column b text default 'x'");
    assert.deepEqual(db.prepare('select * from t where a = ?').all([1]), [{ a: 1, b: 'x' }]);
  }));

test('Kysely reads, writes and streams through it', () =>
  withDb(async (raw) => {
    const k = new Kysely<{ t: { a: number } }>({
      dialect: new SqliteDialect({ database: keepingStatements(raw) }),
    });
    const q = k.selectFrom('t').select('a').orderBy('a');
    assert.deepEqual(
      (await q.execute()).map((r) => r.a),
      [1, 2, 3],
    );
    await k.insertInto('t').values({ a: 4 }).execute();
    const streamed: number[] = [];
    for await (const row of q.stream()) streamed.push(row.a);
    assert.deepEqual(streamed, [1, 2, 3, 4]);
    assert.deepEqual(
      (await q.execute()).map((r) => r.a),
      [1, 2, 3, 4],
    );
    await k.destroy();
  }));
