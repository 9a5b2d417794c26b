import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { TandemError } from '../src/domain/tandem-error.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;

// A POC adviser tags a driver, a political officer confirms it, another political officer
// disputes it, and the one who tagged it withdraws it: each under their own name, each audited.
for (const dialect of DIALECTS) {
  describe(`driver tags disputed and withdrawn (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [`${GOOD}acled-new-format.csv`]);
    });
    after(() => drop());

    const as = <N extends keyof typeof operations>(name: string, roles: string[], op: N, input: unknown) =>
      runOperation(operations[op] as never, input as never, {
        via: 'cli',
        name: op,
        requester: { name, roles },
        store,
      }) as Promise<Awaited<ReturnType<(typeof operations)[N]['run']>>>;
    const refused = async (p: Promise<unknown>, code: string, words: RegExp) => {
      const e = (await p.then(
        () => assert.fail('expected a refusal'),
        (x) => x,
      )) as TandemError;
      assert.equal(e.code, code, e.message);
      assert.match(e.message, words);
    };
    const list = () => as('Viewer', ['viewer'], 'listDrivers', { country: 'Testland' });
    const scope = { country: 'Testland', admin1: 'Hillside' };

    test('a dispute keeps a tag from being joint until its analyst confirms; the maker withdraws it', async () => {
      const tag = await as('Ana Poc', ['poc'], 'tagDriver', { driver: 'land-and-resources', ...scope });
      await as('Ben Political', ['political'], 'confirmDriver', { tagId: tag.id });
      assert.deepEqual(
        (await list()).joint.map((t) => t.id),
        [tag.id],
      );

      await refused(
        as('Cleo Political', ['political'], 'disputeDriver', { tagId: tag.id, reason: '  ' }),
        'bad-input',
        /reason/,
      );
      const disputed = await as('Cleo Political', ['political'], 'disputeDriver', {
        tagId: tag.id,
        reason: 'The clashes follow the chieftaincy succession, not land.',
      });
      assert.equal(disputed.joint, false);
      let now = await list();
      assert.deepEqual(now.joint, []);
      assert.deepEqual(
        now.unconfirmed[0]?.disputes.map((d) => [d.analyst, d.unit, d.reason]),
        [['Cleo Political', 'political', 'The clashes follow the chieftaincy succession, not land.']],
      );
      const analysis = await as('Viewer', ['viewer'], 'analyze', { ...scope });
      const land = analysis.drivers.find((d) => d.driver === 'land-and-resources')!;
      assert.deepEqual(
        [land.joint, land.jointTags, land.unconfirmedTags, land.disputedTags],
        [false, 0, 1, 1],
      );
      assert.equal(land.evidence.find((e) => e.kind === 'tag')?.disputes?.[0]?.analyst, 'Cleo Political');

      // Persuaded, she confirms: her dispute goes, and the tag is joint again.
      await as('Cleo Political', ['political'], 'confirmDriver', { tagId: tag.id });
      now = await list();
      assert.deepEqual([now.joint.length, now.joint[0]?.disputes], [1, []]);

      // Disputing drops one's own confirmation: one person does not both back and dispute a tag.
      await as('Ben Political', ['political'], 'disputeDriver', {
        tagId: tag.id,
        reason: 'On reflection, no.',
      });
      now = await list();
      assert.deepEqual(
        now.unconfirmed[0]?.confirmations.map((c) => c.analyst),
        ['Cleo Political'],
      );

      await refused(
        as('Ana Poc', ['poc'], 'disputeDriver', { tagId: tag.id, reason: 'x' }),
        'conflict',
        /withdraw it/,
      );
      await refused(
        as('Ben Political', ['political'], 'withdrawDriver', { tagId: tag.id, reason: 'x' }),
        'forbidden',
        /only the analyst who made tag/,
      );
      await refused(
        as('Val Viewer', ['viewer'], 'disputeDriver', { tagId: tag.id, reason: 'x' }),
        'forbidden',
        /.+/,
      );
      const withdrawn = await as('Ana Poc', ['poc'], 'withdrawDriver', {
        tagId: tag.id,
        reason: 'Tagged on the wrong area.',
      });
      assert.equal(withdrawn.id, tag.id);
      now = await list();
      assert.deepEqual([now.joint, now.unconfirmed], [[], []]);
      await refused(
        as('Cleo Political', ['political'], 'confirmDriver', { tagId: tag.id }),
        'not-found',
        /withdrawn/,
      );
      // Tagging the same driver again makes a new tag, not the withdrawn one.
      const again = await as('Ana Poc', ['poc'], 'tagDriver', { driver: 'land-and-resources', ...scope });
      assert.notEqual(again.id, tag.id);

      const audit = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('record_kind', '=', 'driver-tag')
        .where('record_id', '=', String(tag.id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((r) => `${r.actor}: ${r.action}`),
        [
          'Ana Poc: tagged',
          'Ben Political: confirmed',
          'Cleo Political: disputed',
          'Cleo Political: confirmed',
          'Ben Political: disputed',
          'Ana Poc: withdrawn',
        ],
      );
    });
  });
}
