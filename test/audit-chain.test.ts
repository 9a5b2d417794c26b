import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appendAudit, auditHead, rowHash, verifyAudit } from '../src/security/audit-chain.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

const entry = (i: number) => ({
  actor: `analyst-${i % 3}`,
  action: i % 2 ? 'released' : 'withheld',
  recordKind: 'incident',
  recordId: String(100 + i),
  sensitivity: 'restricted',
  detail: { via: 'test', n: i },
});

for (const dialect of DIALECTS) {
  describe(`the audit chain on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(async () => drop());

    const fresh = async (n: number) => {
      await store.db.deleteFrom('audit_log').execute();
      // Appended in several calls, as requests do.
      for (let i = 1; i <= n; i += 4) {
        await appendAudit(
          store.db,
          Array.from({ length: Math.min(4, n - i + 1) }, (_, k) => entry(i + k)),
        );
      }
      // Numbering restarts from 1 in each fresh chain (ids come from the chain, not the sequence).
    };

    test("an intact chain verifies, counts every row, and its head is the last row's hash", async () => {
      await fresh(10);
      const v = await verifyAudit(store.db);
      assert.deepEqual({ ok: v.ok, rows: v.rows }, { ok: true, rows: 10 });
      assert.equal(v.head, (await auditHead(store.db)).hash);
      assert.equal((await verifyAudit(store.db, v.head)).ok, true);
    });

    test('an altered row is named', async () => {
      await fresh(10);
      await store.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('id', '=', 6).execute();
      const v = await verifyAudit(store.db);
      assert.equal(v.ok, false);
      assert.equal(v.firstBad?.id, 6);
      assert.match(v.firstBad?.reason ?? '', /altered/);
      assert.equal(v.rows, 5);
    });

    test('a removed row is named', async () => {
      await fresh(10);
      await store.db.deleteFrom('audit_log').where('id', '=', 4).execute();
      const v = await verifyAudit(store.db);
      assert.equal(v.ok, false);
      assert.equal(v.firstBad?.id, 5);
      assert.match(v.firstBad?.reason ?? '', /row 4 is missing/);
    });

    test('two swapped rows are named', async () => {
      await fresh(10);
      const rows = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', 'in', [3, 7])
        .orderBy('id')
        .execute();
      const [a, b] = rows;
      const { id: _a, ...restA } = a!;
      const { id: _b, ...restB } = b!;
      await store.db.updateTable('audit_log').set(restB).where('id', '=', 3).execute();
      await store.db.updateTable('audit_log').set(restA).where('id', '=', 7).execute();
      const v = await verifyAudit(store.db);
      assert.equal(v.ok, false);
      assert.equal(v.firstBad?.id, 3);
    });

    test('rows removed from the end show against the head kept elsewhere', async () => {
      await fresh(10);
      const kept = (await auditHead(store.db)).hash;
      await store.db.deleteFrom('audit_log').where('id', '>', 8).execute();
      assert.equal((await verifyAudit(store.db)).ok, true, 'without the head, a cut tail looks whole');
      const v = await verifyAudit(store.db, kept);
      assert.equal(v.ok, false);
      assert.equal(v.firstBad?.id, 9);
    });

    test('rows appended since the head was kept do not fail it; rows altered and rehashed do (probe)', async () => {
      await fresh(6);
      const kept = (await auditHead(store.db)).hash;
      await appendAudit(store.db, [entry(7), entry(8)]);
      assert.deepEqual((await verifyAudit(store.db, kept)).ok, true, 'a chain that went on past the head');
      // Row 3 rewritten, and every hash from it on computed again: the chain holds alone.
      const rows = await store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      let prev = rows[1]!.hash;
      for (const r of rows.slice(2)) {
        const row = { ...r, id: Number(r.id), prev_hash: prev, actor: r.id === 3 ? 'someone else' : r.actor };
        const hash = rowHash(row);
        await store.db
          .updateTable('audit_log')
          .set({ actor: row.actor, prev_hash: prev, hash })
          .where('id', '=', row.id)
          .execute();
        prev = hash;
      }
      assert.equal((await verifyAudit(store.db)).ok, true, 'rehashed, the chain alone cannot tell');
      const v = await verifyAudit(store.db, kept);
      assert.equal(v.ok, false);
      assert.match(v.firstBad!.reason, /altered and the hashes after them recomputed/);
    });

    test('appends from many writers at once still form one chain', async () => {
      await fresh(0);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => appendAudit(store.db, [entry(i), entry(i + 100)])),
      );
      const v = await verifyAudit(store.db);
      assert.deepEqual({ ok: v.ok, rows: v.rows, bad: v.firstBad }, { ok: true, rows: 16, bad: undefined });
    });
  });
}
