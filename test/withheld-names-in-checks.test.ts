import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

// The checks that take names a user writes (a plan's partners, a negotiation's parties) and the
// summary by group harmed must not tell someone below a record's clearance the names only that
// record carries: not by naming them, not by suggesting them, not by counting them.

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const row = (id: string, date: string, actor1: string, inter1: string, group: string) =>
  `${id},${date},2024,1,Political violence,Violence against civilians,Attack,${actor1},,${inter1},Civilians (Testland),${group},Civilians,17,Civilian targeting,999,Eastern Africa,Testland,West,West Hills,,Old Mill,6.0,31.0,1,Witness,Local,They beat a family.,2,,1700000000`;

const SECRET = 'Captain Koffi Secretname';
const GROUP = 'Tesfay family (Testland)';
const MILITIA = 'Koffi Boss Militia';
const PROCESS = (actor: string) =>
  [
    'process: Test talks',
    'country: Testland',
    'parties:',
    `  - { id: P, name: Party, actors: ["${actor}"] }`,
    'rounds:',
    '  - { id: R1, start: 2024-04-01, end: 2024-04-02, delegations: { P: { women: 1, men: 1 } } }',
  ].join('\n');

let store: Store;
let dir: string;
const as = (roles: string[]) => ({
  via: 'http' as const,
  name: 'test',
  requester: { name: roles.join('+'), roles },
  store,
});

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-withheld-checks-'));
  const open = join(dir, 'open.csv');
  const restricted = join(dir, 'restricted.csv');
  writeFileSync(
    open,
    [
      HEADER,
      row('TSO1', '2024-02-01', 'Hill Militia (Testland)', 'Identity militia', 'Farmers (Testland)'),
    ].join('\n'),
  );
  writeFileSync(
    restricted,
    [
      HEADER,
      row('TSR1', '2024-03-05', SECRET, 'State forces', GROUP),
      row('TSR2', '2024-03-10', SECRET, 'State forces', GROUP),
      row('TSR3', '2024-03-15', SECRET, 'State forces', GROUP),
      row('TSR4', '2024-03-20', MILITIA, 'Identity militia', GROUP),
      // Two groups harmed: counted under each for whoever may read it, once under "(withheld)".
      row('TSR5', '2024-03-21', MILITIA, 'Identity militia', `${GROUP}; Women (Testland)`),
    ].join('\n'),
  );
  store = await openStore({ dbPath: ':memory:' });
  await importFiles(store, [open]);
  await importFiles(store, [restricted], { sensitivity: 'restricted' });
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a negotiation party named after a withheld actor is counted and suggested from readable events only', async () => {
  const cleared = await runOperation(
    operations.checkNegotiation,
    { process: PROCESS(SECRET) },
    as(['protection']),
  );
  assert.equal(cleared.tests[0]?.before, 3, 'someone cleared sees the three events');
  const viewer = await runOperation(
    operations.checkNegotiation,
    { process: PROCESS(SECRET) },
    as(['viewer']),
  );
  assert.equal(viewer.tests[0]?.before, 0, 'the viewer’s count does not confirm the name');
  assert.ok(
    viewer.notes.some((n) => n.includes(SECRET)),
    'it is listed as an actor with no events',
  );
  const guess = await runOperation(
    operations.checkNegotiation,
    { process: PROCESS('Koffi') },
    as(['viewer']),
  );
  assert.doesNotMatch(JSON.stringify(guess), /Secretname/, 'nor suggested for a part of it');
  // The cleared reads are logged.
  const logged = await store.db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'detail'])
    .where('record_kind', '=', 'event')
    .execute();
  assert.equal(
    logged.filter((r) => r.actor === 'protection' && /negotiation check/.test(r.detail ?? '')).length,
    3,
  );
});

test('a plan naming or guessing a withheld actor learns nothing of it, and the events its findings cite are logged', async () => {
  const plan = readFileSync(new URL('./fixtures/plans/clean-plan.yaml', import.meta.url), 'utf8').replace(
    'kind: state-authority-support }',
    'kind: state-authority-support, partners: [Captain] }',
  );
  const cleared = await runOperation(operations.checkPlan, { plan }, as(['protection']));
  assert.match(cleared.notes.join('\n'), /did you mean "Captain Koffi Secretname"/);
  const viewer = await runOperation(operations.checkPlan, { plan }, as(['viewer']));
  assert.doesNotMatch(JSON.stringify(viewer), /Secretname|Tesfay/);
  const withSecret = plan.replace('partners: [Captain]', `partners: ["${SECRET}"]`);
  const named = await runOperation(operations.checkPlan, { plan: withSecret }, as(['viewer']));
  assert.ok(
    named.notes.some((n) => n.includes(SECRET)),
    'the name is one the data does not hold, for the viewer',
  );
  const cited = (await runOperation(operations.checkPlan, { plan: withSecret }, as(['protection']))).findings
    .flatMap((f) => f.evidence)
    .filter((e) => e.type === 'event');
  assert.ok(cited.length > 0, 'someone cleared sees the state partner’s attacks cited');
  const withheld = await store.db
    .selectFrom('audit_log')
    .select('record_id')
    .where('actor', '=', 'viewer')
    .where('action', '=', 'withheld')
    .execute();
  assert.ok(withheld.length > 0, 'the viewer’s plan check wrote the withheld events it counted');
});

test('a plan naming a withheld non-state actor as a partner gets the same findings as one naming nobody', async () => {
  const plan = (partner: string) =>
    readFileSync(new URL('./fixtures/plans/clean-plan.yaml', import.meta.url), 'utf8').replace(
      'kind: state-authority-support }',
      `kind: state-authority-support, partners: ["${partner}"] }`,
    );
  // The findings as text, the partner's own name (the requester's words) taken out.
  const findings = async (partner: string, roles: string[]) =>
    JSON.stringify(
      (await runOperation(operations.checkPlan, { plan: plan(partner) }, as(roles))).findings,
    ).replaceAll(partner, 'PARTNER');
  const guess = await findings(MILITIA, ['viewer']);
  assert.equal(guess, await findings('Nobody Such Group', ['viewer']));
  // Someone cleared for the events sees the militia's attacks counted in the friction.
  assert.notEqual(await findings(MILITIA, ['protection']), guess);
});

test('a summary by group harmed counts the withheld events under "(withheld)", never by their group', async () => {
  const viewer = await runOperation(operations.summary, { by: 'target' }, as(['viewer']));
  assert.doesNotMatch(JSON.stringify(viewer), /Tesfay/);
  assert.equal(viewer.rows.find((r) => r.key === '(withheld)')?.events, 5, 'five events, one of two groups');
  assert.equal(viewer.rows.find((r) => r.key === '(withheld)')?.fatalities, 10);
  const cleared = await runOperation(operations.summary, { by: 'target' }, as(['protection']));
  assert.equal(cleared.rows.find((r) => r.key === GROUP)?.events, 5);
  assert.equal(cleared.rows.find((r) => r.key === 'Women (Testland)')?.events, 1);
});

test('a plan id that holds a withheld name is shown whole, the name elsewhere still withheld', async () => {
  // An activity named after the group it works around ("A-KBM" for a militia "KBM"): the
  // planner's own id, which every finding about the activity quotes.
  const id = `A-${MILITIA}`;
  const plan = readFileSync(new URL('./fixtures/plans/clean-plan.yaml', import.meta.url), 'utf8')
    .replaceAll('A4', id)
    .replace('kind: state-authority-support }', 'kind: state-authority-support, uses: { teams: 3 } }');
  const viewer = await runOperation(operations.checkPlan, { plan }, as(['viewer']));
  const overUse = viewer.findings.find((f) => f.subject === 'teams');
  assert.match(overUse?.message ?? '', new RegExp(`A2, ${id}, A5`), 'the id is not mangled');
  assert.doesNotMatch(JSON.stringify(viewer).replaceAll(id, ''), /Koffi Boss/);
});

test('a plan id or partner written as a withheld name answers as one naming nobody (no "(withheld)" to confirm a guess)', async () => {
  const plan = (id: string, partner: string) =>
    readFileSync(new URL('./fixtures/plans/clean-plan.yaml', import.meta.url), 'utf8')
      .replaceAll('A4', id)
      .replace(
        'kind: state-authority-support }',
        `kind: state-authority-support, uses: { teams: 3 }, partners: ["${partner}"] }`,
      );
  const findings = async (guess: string) =>
    JSON.stringify(
      (await runOperation(operations.checkPlan, { plan: plan(guess, guess) }, as(['viewer']))).findings,
    ).replaceAll(guess, 'GUESS');
  const nobody = await findings('Nobody Such Group');
  assert.match(nobody, /across A1, A2, GUESS, A5/);
  for (const name of [MILITIA, SECRET]) assert.equal(await findings(name), nobody, name);
});
