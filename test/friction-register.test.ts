import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { frictionOperations } from '../src/app/friction-operations.ts';
import { localProcessOperations } from '../src/app/local-process-operations.ts';
import type { AppContext } from '../src/app/operation.ts';
import { planOperations } from '../src/app/plan-operations.ts';
import { storeNegotiation } from '../src/app/workbench-operations.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { sharedData } from './shared-data.ts';

const acled = sharedData('acled/acled_south_sudan_2011-2015.csv');
const planPath = new URL('../../shared/checks/sample-plan.yaml', import.meta.url);
const talks = readFileSync(
  new URL('./fixtures/negotiations/hand-checked-talks.yaml', import.meta.url),
  'utf8',
);

const oldTalks = [
  'process: Early talks (fictional)',
  'country: South Sudan',
  'parties:',
  '  - { id: GOV, name: Government forces, actors: ["Military Forces of South Sudan (2011-)"] }',
  '  - { id: IO, name: Opposition, actors: ["Lou Nuer Ethnic Militia (South Sudan)"] }',
  'rounds:',
  '  - { id: R1, start: 2013-02-04, end: 2013-02-08, venue: Juba, delegations: { GOV: { women: 1, men: 5 }, IO: { women: 1, men: 5 } } }',
].join('\n');

for (const dialect of DIALECTS) {
  describe(`the friction register, on ${dialect.name}`, { skip: dialect.skip || acled.skip }, () => {
    let ctx: AppContext;
    let drop: () => Promise<void>;
    before(async () => {
      const opened = await dialect.open();
      drop = opened.drop;
      ctx = { store: opened.store, requester: { name: 'a.poc-adviser', roles: ['admin'] } };
      await importFiles(opened.store, [acled.path]);
      await planOperations.importPlan.run(ctx, {
        plan: readFileSync(planPath, 'utf8'),
        name: 'sample-plan.yaml',
      });
    });
    after(() => drop());

    test('a country whose negotiation tracker holds no process: not said to have no talks, and the note says why', async () => {
      const r = await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' });
      assert.deepEqual(
        r.frictions.filter((f) => f.kind === 'violence-without-process'),
        [],
        'the store does not know whether talks were held',
      );
      assert.match(r.notes?.join(' ') ?? '', /negotiation tracker holds no process of South Sudan/);
      const fr = await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan', lang: 'fr' });
      assert.match(fr.notes?.join(' ') ?? '', /aucun processus du Soudan du Sud/);
    });

    test('a country with no stored plan: the note says its plan frictions were not looked for', async () => {
      const r = await frictionOperations.listFrictions.run(ctx, { country: 'Central African Republic' });
      assert.match(r.notes?.join(' ') ?? '', /No mission plan for Central African Republic is stored/);
      const fr = await frictionOperations.listFrictions.run(ctx, {
        country: 'Central African Republic',
        lang: 'fr',
      });
      assert.match(fr.notes?.join(' ') ?? '', /Aucun plan de mission de la République centrafricaine/);
      // South Sudan's plan is stored: no such note there.
      const ssd = await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' });
      assert.doesNotMatch(ssd.notes?.join(' ') ?? '', /No mission plan/);
    });

    test('lists the plan check’s frictions and the high violence where no process is active, undecided', async () => {
      // Talks whose only round ended in 2013: no process active in the data's last year.
      await storeNegotiation.run(ctx, { process: oldTalks, name: 'old-talks.yaml' });
      const { frictions, notes } = await frictionOperations.listFrictions.run(ctx, {
        country: 'South Sudan',
      });
      assert.equal(notes, undefined);
      const kinds = new Set(frictions.map((f) => `${f.kind} ${f.subject}`));
      assert.ok(kinds.has('state-perpetrator-friction X2'), [...kinds].join('; '));
      assert.ok(kinds.has('resource-overallocation boats'));
      const quiet = frictions.filter((f) => f.kind === 'violence-without-process');
      assert.ok(quiet.length > 0, 'no round since 2013: high-violence areas have no process');
      for (const f of frictions)
        assert.deepEqual([f.found, f.registered, f.status, f.decision], [true, false, 'open', null]);
    });

    test('a decision is taken in the signed-in account’s name, kept, and audited', async () => {
      const { frictions } = await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' });
      const x2 = frictions.find((f) => f.kind === 'state-perpetrator-friction')!;
      const edited = await frictionOperations.editFriction.run(ctx, {
        ref: x2.ref,
        owner: 'Senior POC Adviser',
        decision: 'escalate',
        reviewDate: '2026-12-31',
      });
      assert.deepEqual(
        [edited.owner, edited.decision, edited.decidedBy, edited.reviewDate, edited.registered],
        ['Senior POC Adviser', 'escalate', 'a.poc-adviser', '2026-12-31', true],
      );
      const again = (await frictionOperations.listFrictions.run(ctx, {})).frictions.find(
        (f) => f.ref === x2.ref,
      )!;
      assert.deepEqual([again.decision, again.owner, again.found], ['escalate', 'Senior POC Adviser', true]);
      const audit = await ctx.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('record_kind', '=', 'friction')
        .execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(
        [audit[0]!.action, audit[0]!.record_id, audit[0]!.actor],
        ['friction-decided', x2.ref, 'a.poc-adviser'],
      );
    });

    test('an empty owner and note and a null decision and review date clear what was saved', async () => {
      const { frictions } = await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' });
      const boats = frictions.find((f) => f.kind === 'resource-overallocation')!;
      await frictionOperations.editFriction.run(ctx, {
        ref: boats.ref,
        owner: 'Head of Mission Support',
        decision: 'mitigate',
        reviewDate: '2026-06-30',
        note: 'share the boats by week',
      });
      const cleared = await frictionOperations.editFriction.run(
        ctx,
        frictionOperations.editFriction.input.parse({
          ref: boats.ref,
          owner: '',
          decision: null,
          reviewDate: null,
          note: '',
        }),
      );
      const fields = (f: typeof cleared) => [
        f.owner,
        f.decision,
        f.reviewDate,
        f.note,
        f.decidedBy,
        f.decidedAt,
      ];
      assert.deepEqual(fields(cleared), ['', null, null, '', null, null]);
      const again = (await frictionOperations.listFrictions.run(ctx, {})).frictions.find(
        (f) => f.ref === boats.ref,
      )!;
      assert.deepEqual(fields(again), ['', null, null, '', null, null]);
      assert.equal(again.status, 'open', 'a field not sent is kept');
      const audit = await ctx.store.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('record_kind', '=', 'friction')
        .where('record_id', '=', boats.ref)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['friction-decided', 'friction-edited'],
      );
      assert.deepEqual(JSON.parse(audit[1]!.detail).fields, ['owner', 'decision', 'reviewDate', 'note']);
    });

    test('an active local process in an area ends its violence-without-process friction, for those who may know of it', async () => {
      const quiet = (await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' })).frictions
        .filter((f) => f.kind === 'violence-without-process' && !f.registered)
        .map((f) => f.subject);
      assert.ok(quiet.length >= 3, quiet.join('; '));
      const [held, broken, confidential] = quiet as [string, string, string];
      const proc = (id: string, admin1: string, status: string, extra = '') =>
        `  - { id: ${id}, name: ${id}, kind: dialogue, date: 2015-06-01, country: South Sudan, admin1: "${admin1}", place: x, latitude: 7, longitude: 31, status: ${status}, nationalLink: none${extra} }`;
      await localProcessOperations.importLocalProcesses.run(ctx, {
        name: 'local.yaml',
        text: [
          'processes:',
          // Typed in capitals: the area is the same.
          proc('held-dialogue', held.toUpperCase(), 'holding'),
          proc('broken-dialogue', broken, 'broken'),
          proc(
            'confidential-dialogue',
            confidential,
            'negotiating',
            ', sensitivity: restricted, office: Juba',
          ),
        ].join('\n'),
      });
      const subjects = async (c: AppContext) =>
        new Set(
          (await frictionOperations.listFrictions.run(c, { country: 'South Sudan' })).frictions
            .filter((f) => f.kind === 'violence-without-process' && f.found)
            .map((f) => f.subject),
        );
      const forAdmin = await subjects(ctx);
      assert.deepEqual(
        [forAdmin.has(held), forAdmin.has(broken), forAdmin.has(confidential)],
        [false, true, false],
      );
      // A viewer may not know of the confidential dialogue: for them the friction stands.
      const forViewer = await subjects({ ...ctx, requester: { name: 'a.viewer', roles: ['viewer'] } });
      assert.deepEqual([forViewer.has(held), forViewer.has(confidential)], [false, true]);
      await ctx.store.db.deleteFrom('local_processes').execute();
    });

    test('an active national process ends the violence-without-process friction', async () => {
      const before = (await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' })).frictions;
      const quiet = before.find((f) => f.kind === 'violence-without-process')!;
      await frictionOperations.editFriction.run(ctx, { ref: quiet.ref, owner: 'Political Affairs' });
      // Talks with a round in March 2015, nine months before the data ends.
      await storeNegotiation.run(ctx, { process: talks, name: 'talks.yaml' });
      const after = (await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' })).frictions;
      const left = after.filter((f) => f.kind === 'violence-without-process');
      // The registered one stays in the register, marked as no longer found; the others are gone.
      assert.deepEqual(
        left.map((f) => [f.ref, f.found]),
        [[quiet.ref, false]],
      );
    });

    test('a plan or a process stored before the readers refused more still gives its frictions', async () => {
      const before = (await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' })).frictions;
      // As if stored before: two priorities for one area (now refused), a delegation whose
      // counts and members disagree (now refused), and a character that was not UTF-8.
      const [stored] = await ctx.store.db.selectFrom('plan_versions').select(['id', 'source_text']).execute();
      await ctx.store.db
        .updateTable('plan_versions')
        .set({
          source_text: `${stored!.source_text}\npriorities:\n  - { area: Jonglei, priority: 2 }\n  - { area: jonglei state, priority: 1, reason: caf\uFFFD }\n`,
        })
        .where('id', '=', stored!.id)
        .execute();
      await ctx.store.db
        .updateTable('negotiation_processes')
        .set({
          source_text: talks.replace(
            'GOV: { women: 1, men: 9 }',
            'GOV: { women: 1, men: 9, members: [{ gender: man }] }',
          ),
        })
        .execute();
      const after = (await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' })).frictions;
      assert.deepEqual(
        after.map((f) => [f.ref, f.found]),
        before.map((f) => [f.ref, f.found]),
      );
    });

    test('plan allocate withholds units from X2 while its friction is open, and not once the register records it closed (probe)', async () => {
      const plan = readFileSync(planPath, 'utf8');
      const boatsIn = async () =>
        (await planOperations.allocatePlan.run(ctx, { plan })).resources
          .find((x) => x.resource === 'boats')!
          .areas.filter((a) => a.proposed)
          .map((a) => a.area);
      const { frictions } = await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' });
      const x2 = frictions.find((f) => f.kind === 'state-perpetrator-friction' && f.subject === 'X2')!;
      await frictionOperations.editFriction.run(ctx, {
        ref: x2.ref,
        decision: 'accept',
        status: 'in-progress',
      });
      assert.ok(!(await boatsIn()).includes('Upper Nile'), 'in progress is not closed: still withheld');
      await frictionOperations.editFriction.run(ctx, { ref: x2.ref, status: 'closed' });
      const decided = await planOperations.allocatePlan.run(ctx, { plan });
      assert.ok((await boatsIn()).includes('Upper Nile'), 'closed: the boat may go to X2 in Upper Nile');
      assert.ok(
        decided.notes.some((n) =>
          new RegExp(`^resources may go to X2, .*friction ${x2.ref} closed \\(decision: accept`).test(n),
        ),
        decided.notes.join('\n'),
      );
      await frictionOperations.editFriction.run(ctx, { ref: x2.ref, status: 'open' });
      assert.ok(!(await boatsIn()).includes('Upper Nile'), 'reopened: withheld again');
    });

    test('an unknown reference is refused', async () => {
      await assert.rejects(
        frictionOperations.editFriction.run(ctx, { ref: '00000000', owner: 'x' }),
        /no friction 00000000/,
      );
    });

    test('edits of different fields at once, on a friction never edited, are all kept and register it once', async () => {
      const { frictions } = await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' });
      const f = frictions.find((x) => !x.registered && x.found)!;
      // A look-up then an insert had failed all but one with a duplicate key (500), and whole-row
      // writes had kept only the last edit's fields.
      await Promise.all([
        frictionOperations.editFriction.run(ctx, { ref: f.ref, owner: 'Chief of Staff' }),
        frictionOperations.editFriction.run(ctx, {
          ref: f.ref,
          status: 'in-progress',
          reviewDate: '2026-02-01',
        }),
        frictionOperations.editFriction.run(ctx, { ref: f.ref, note: 'boats shared with the police' }),
        frictionOperations.editFriction.run(ctx, { ref: f.ref, decision: 'mitigate' }),
      ]);
      const after = (
        await frictionOperations.listFrictions.run(ctx, { country: 'South Sudan' })
      ).frictions.find((x) => x.ref === f.ref)!;
      assert.deepEqual(
        [
          after.registered,
          after.owner,
          after.status,
          after.reviewDate,
          after.note,
          after.decision,
          after.decidedBy,
        ],
        [
          true,
          'Chief of Staff',
          'in-progress',
          '2026-02-01',
          'boats shared with the police',
          'mitigate',
          'a.poc-adviser',
        ],
      );
      assert.equal(
        (await ctx.store.db.selectFrom('frictions').select('id').where('ref', '=', f.ref).execute()).length,
        1,
      );
    });
  });
}

describe('the friction edit input', () => {
  const input = frictionOperations.editFriction.input;

  test('reads a reference copied in capitals as the same reference', () => {
    const r = input.safeParse({ ref: 'D4880378', owner: 'x' });
    assert.ok(r.success, JSON.stringify(r.error?.issues));
    assert.equal(r.data.ref, 'd4880378');
    assert.equal(input.safeParse({ ref: 'g4880378' }).success, false);
  });

  test('reads an empty decision or review date as null (cleared) and an empty owner as empty', () => {
    const r = input.safeParse({ ref: 'd4880378', owner: ' ', decision: '', reviewDate: '' });
    assert.ok(r.success, JSON.stringify(r.error?.issues));
    assert.deepEqual([r.data.owner, r.data.decision, r.data.reviewDate], ['', null, null]);
    assert.equal(input.safeParse({ ref: 'd4880378', decision: 'maybe' }).success, false);
    // A field left out stays out, so that the edit keeps it.
    assert.deepEqual(Object.keys(input.parse({ ref: 'd4880378' })), ['ref']);
  });

  test('takes a decision and a status written in French, as a French plan writes its values (held-out probe)', () => {
    const r = input.safeParse({ ref: 'd4880378', decision: 'Atténuer', status: 'en cours' });
    assert.ok(r.success, JSON.stringify(r.error?.issues));
    assert.deepEqual([r.data.decision, r.data.status], ['mitigate', 'in-progress']);
    assert.equal(input.parse({ ref: 'd4880378', decision: 'mitiger', status: 'clôturée' }).status, 'closed');
    assert.equal(input.safeParse({ ref: 'd4880378', decision: 'ignorer' }).success, false);
  });

  test('refuses a review date that is not a real calendar day, saying why', () => {
    const r = input.safeParse({ ref: 'd4880378', reviewDate: '2025-02-30' });
    assert.equal(r.success, false);
    assert.deepEqual(r.error!.issues[0]!.path, ['reviewDate']);
    assert.match(r.error!.issues[0]!.message, /not a real calendar day/);
    assert.equal(input.safeParse({ ref: 'd4880378', reviewDate: '2024-02-29' }).success, true);
    assert.equal(input.safeParse({ ref: 'd4880378', reviewDate: '2025-13-01' }).success, false);
  });
});

describe('frictions edit in French (held-out probe)', () => {
  const input = frictionOperations.editFriction.input;

  test('takes --lang, and keeps it out of the fields edited', () => {
    const r = input.safeParse({ ref: 'd4880378', lang: 'fr', owner: 'x' });
    assert.ok(r.success, JSON.stringify(r.error?.issues));
    assert.equal(input.safeParse({ ref: 'd4880378', lang: 'de' }).success, false);
  });

  test('a refused decision or status lists the French words it takes too', () => {
    const d = input.safeParse({ ref: 'd4880378', decision: 'escalate-now' });
    assert.equal(d.success, false);
    assert.match(d.error!.issues[0]!.message, /accept, mitigate, escalate/);
    assert.match(d.error!.issues[0]!.message, /accepter, atténuer, porter devant la direction/);
    assert.match(d.error!.issues[0]!.message, /got "escalate-now"/);
    const s = input.safeParse({ ref: 'd4880378', status: 'fini' });
    assert.match(s.error!.issues[0]!.message, /open, in-progress, closed/);
    assert.match(s.error!.issues[0]!.message, /ouverte, en cours, close/);
    // The French word the table shows for a closed friction is taken back.
    assert.equal(input.parse({ ref: 'd4880378', status: 'close' }).status, 'closed');
  });
});
