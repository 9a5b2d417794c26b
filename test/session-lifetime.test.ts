import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUserAccount } from '../src/app/user-accounts.ts';
import { requesterForSession, startSession } from '../src/app/user-sessions.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

const HOUR = 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const hashOf = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');

for (const dialect of DIALECTS) {
  describe(`a browser session ends (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await addUserAccount(store, 'Fatou Field', ['poc'], { offices: ['Bria'] });
    });
    after(() => drop());

    const session = async (began: string, lastSeen: string) => {
      const { id } = await startSession(store, { name: 'Fatou Field', roles: ['poc'] });
      await store.db
        .updateTable('user_sessions')
        .set({ created_at: began, last_seen_at: lastSeen })
        .where('id_hash', '=', hashOf(id))
        .execute();
      return id;
    };

    test('in use, it lasts; idle for 12 hours, it ends', async () => {
      assert.equal(
        (await requesterForSession(store, await session(ago(3 * HOUR), ago(HOUR))))?.name,
        'Fatou Field',
      );
      assert.equal(await requesterForSession(store, await session(ago(14 * HOUR), ago(13 * HOUR))), null);
    });

    test('used every hour, it still ends a week after it began', async () => {
      // A probe found sessions had no absolute lifetime: a cookie kept in use never expired.
      const id = await session(ago(8 * 24 * HOUR), ago(HOUR / 2));
      assert.equal(await requesterForSession(store, id), null);
      const left = await store.db
        .selectFrom('user_sessions')
        .select('id_hash')
        .where('id_hash', '=', hashOf(id))
        .execute();
      assert.equal(left.length, 0, 'the ended session is deleted');
    });
  });
}
