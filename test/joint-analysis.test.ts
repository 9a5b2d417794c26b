import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { JointAnalysis } from '../src/analysis/joint-analysis-result.ts';
import { listAlerts } from '../src/app/alert-operations.ts';
import { analysisOperations } from '../src/app/analysis-operations.ts';
import type { AppContext } from '../src/app/operation.ts';
import { isTandemError } from '../src/domain/tandem-error.ts';
import { FIGHTING_TYPES, VIOLENT_TYPES } from '../src/domain/violence-type.ts';
import { renderBriefHtml, renderBriefMarkdown } from '../src/reports/joint-brief.ts';
import { DIALECTS } from './dialects.ts';
import { assertGolden } from './golden.ts';
import { importFiles } from './import-files.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';

/**
 * The joint analysis on the real samples: the known escalations are alerted, driver tags become
 * joint only with both units, threats can be edited, and the JSON and the brief match the golden
 * files in test/golden/. A difference fails and leaves the new output in `<name>.changed.<ext>`
 * beside the golden file (see test/golden.ts); copying it over is a reviewed change.
 */
const ssd = sharedData('acled/acled_south_sudan_2011-2015.csv');
const car = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const skip = ssd.skip || car.skip;

/** A fixed production day, so the golden briefs do not change with the date they are made. */
function goldenContext(source: string) {
  return { producedOn: '2026-12-04', classification: 'public', sources: [source] } as const;
}

function monthsApart(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

for (const dialect of DIALECTS) {
  describe(`joint analysis on the real samples (${dialect.name})`, { skip: skip || dialect.skip }, () => {
    let opened: Awaited<ReturnType<typeof dialect.open>>;
    let ctx: AppContext;
    let southSudan: JointAnalysis;
    let centralAfrica: JointAnalysis;

    before(async () => {
      opened = await dialect.open();
      // Fixed order, so store ids (which the evidence lists name) are the same on every run.
      await importFiles(opened.store, [ssd.path, car.path]);
      ctx = { store: opened.store, requester: { name: 'tester', roles: ['admin'] } };
      southSudan = await analysisOperations.analyze.run(ctx, { country: 'South Sudan' });
      centralAfrica = await analysisOperations.analyze.run(ctx, { country: 'Central African Republic' });
    });
    after(async () => opened?.drop());

    test('a period shorter than the trend compares its months with as many months just before it', async () => {
      const a = await analysisOperations.analyze.run(ctx, {
        country: 'South Sudan',
        from: '2013-12-01',
        to: '2014-03-31',
      });
      const count = async (admin1: string, from: string, to: string) =>
        (
          await opened.store.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('country', '=', 'South Sudan')
            .where('admin1', '=', admin1)
            .where('date_start', '>=', from)
            .where('date_start', '<=', to)
            .executeTakeFirstOrThrow()
        ).n;
      const jonglei = a.areas.find((x) => x.admin1 === 'Jonglei')!;
      // Four months against the four before the period (August to November 2013), not against six
      // months of which none were counted (which called every area "new").
      assert.equal(jonglei.trendDetail.recent, Number(await count('Jonglei', '2013-12-01', '2014-03-31')));
      assert.equal(jonglei.trendDetail.previous, Number(await count('Jonglei', '2013-08-01', '2013-11-30')));
      assert.ok(jonglei.trendDetail.previous > 0);
      assert.equal(jonglei.trend, 'rising');
      assert.ok(a.areas.filter((x) => x.trend === 'new').length < a.areas.length / 2);
      const army = a.perpetrators.find((p) => p.actor.startsWith('Military Forces of South Sudan'))!;
      assert.ok(army.trendDetail.previous > 0, 'the army had events before December 2013');
    });

    test('the outbreak of war in South Sudan is alerted at country level, starting December 2013, with evidence', () => {
      const a = southSudan.alerts.find(
        (x) => x.level === 'country' && x.key === 'South Sudan' && x.start === '2013-12',
      );
      assert.ok(a, `alerts: ${southSudan.alerts.filter((x) => x.level === 'country').map((x) => x.start)}`);
      assert.ok(monthsApart(a.start, a.alarm) <= 1, `alarm ${a.alarm}`);
      assert.ok(a.observed > 3 * a.baseline);
      assert.ok(a.evidence.length > 0);
      assert.ok(a.evidence.every((e) => e.date >= '2013-12-01' && e.date <= '2013-12-31'));
    });

    test('the CAR crisis of 2013 is alerted within a month of December 2013 and the rise of 2013 is alerted', () => {
      const country = centralAfrica.alerts.filter((x) => x.level === 'country');
      const bangui = country.find((x) => Math.abs(monthsApart('2013-12', x.start)) <= 1);
      assert.ok(bangui, `country alert starts: ${country.map((x) => x.start)}`);
      assert.ok(monthsApart(bangui.start, bangui.alarm) <= 1);
      assert.ok(
        country.some((x) => x.start >= '2012-09' && x.start <= '2013-06'),
        'the Seleka rise of late 2012/2013',
      );
    });

    test('a mass casualty is alerted only for an event dated to a month at most (probe)', () => {
      const mass = centralAfrica.alerts.filter((x) => x.kind === 'mass-casualty');
      const at = (key: string, month: string) => mass.some((x) => x.key === key && x.start === month);
      // GED 266602, 198 deaths "1 February to 31 March 2014": no month of its own.
      assert.ok(!at('Ouham', '2014-02'), 'Ouham, February 2014');
      // GED 22762, 162 deaths 27 May to 3 June 2001 (the coup attempt in Bangui): May's.
      assert.ok(at('Bangui', '2001-05'), 'Bangui, May 2001');
    });

    test('the rise of December 2020 in CAR is alerted within a month, with its start in December 2020', () => {
      const a = centralAfrica.alerts.find(
        (x) => x.level === 'country' && Math.abs(monthsApart('2020-12', x.start)) <= 1,
      );
      assert.ok(a);
      assert.equal(a.start, '2020-12');
      assert.ok(monthsApart(a.start, a.alarm) <= 1, `alarm ${a.alarm}`);
    });

    test('a perpetrator seen mostly in one-sided GED events takes its category from the actor register', () => {
      // GED's one-sided events name the perpetrator but not its kind; its state-based ones do.
      const antiBalaka = centralAfrica.perpetrators.find((p) => p.actor === 'anti-Balaka');
      assert.equal(antiBalaka?.category, 'rebel-group');
      assert.equal(antiBalaka?.isState, false);
    });

    test('civilian fatalities are null for ACLED and counted for UCDP GED', () => {
      assert.equal(southSudan.headline.civilianFatalities, null);
      assert.ok(southSudan.areas.every((x) => x.civilianFatalities === null));
      assert.ok((centralAfrica.headline.civilianFatalities ?? 0) > 0);
    });

    test('area totals add up to the headline and to the number of events imported', () => {
      assert.equal(southSudan.headline.events, 2590);
      assert.equal(centralAfrica.headline.events, 1848);
      assert.equal(
        southSudan.areas.reduce((n, x) => n + x.events, 0),
        southSudan.headline.events,
      );
    });

    test('state forces are flagged among the perpetrators', () => {
      const army = southSudan.perpetrators.find((p) => p.actor === 'Military Forces of South Sudan (2011-)');
      assert.ok(army?.isState);
      assert.ok(southSudan.headline.stateShareOfCivilianTargeting! > 0);
    });

    test('a period cut mid-month counts the events of those days only', async () => {
      const a = await analysisOperations.analyze.run(ctx, {
        country: 'South Sudan',
        from: '2013-12-15',
        to: '2014-01-10',
      });
      const expected = (
        await ctx.store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('country', '=', 'South Sudan')
          .where('date_start', '>=', '2013-12-15')
          .where('date_start', '<=', '2014-01-10')
          .executeTakeFirstOrThrow()
      ).n;
      assert.equal(a.headline.events, Number(expected));
    });

    test('every figure of a period cut mid-month covers the days given: violent events, targeting, the monthly series, the perpetrators (probe)', async () => {
      const [from, to] = ['2013-12-15', '2014-01-20'];
      const a = await analysisOperations.analyze.run(ctx, { country: 'South Sudan', from, to });
      const violent = [...VIOLENT_TYPES];
      const fighting = [...FIGHTING_TYPES];
      const days = ctx.store.db
        .selectFrom('events')
        .where('country', '=', 'South Sudan')
        .where('date_start', '>=', from)
        .where('date_start', '<=', to);
      const n = async (q: typeof days) =>
        Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const targeting = days.where('civilian_targeting', '=', 1);
      assert.equal(a.headline.violentEvents, await n(days.where('violence_type', 'in', violent)));
      assert.ok(a.headline.violentEvents <= a.headline.events);
      assert.equal(a.headline.civilianTargetingEvents, await n(targeting));
      assert.equal(
        a.headline.stateCivilianTargetingEvents,
        await n(targeting.where('actor1_category', '=', 'state-forces')),
      );
      assert.deepEqual(a.mapping.months, ['2013-12', '2014-01']);
      assert.deepEqual(a.mapping.events, [
        await n(days.where('date_start', '<=', '2013-12-31')),
        await n(days.where('date_start', '>=', '2014-01-01')),
      ]);
      // The army's violence: either side of fighting, the first side of other violence, or beside them.
      const army = 'Military Forces of South Sudan (2011-)';
      const armyEvents = days
        .where('violence_type', 'in', violent)
        .where((eb) =>
          eb.or([
            eb('actor1', '=', army),
            eb('actor1_associated', 'like', `%${army}%`),
            eb.and([
              eb('violence_type', 'in', fighting),
              eb.or([eb('actor2', '=', army), eb('actor2_associated', 'like', `%${army}%`)]),
            ]),
          ]),
        );
      const p = a.perpetrators.find((x) => x.actor === army)!;
      assert.equal(p.events, await n(armyEvents));
      assert.equal(p.civilianTargetingEvents, await n(armyEvents.where('civilian_targeting', '=', 1)));
      // Each threat rests on events of the period's days: none of 21–31 January (SPLM-IO in Unity
      // had been a threat of three attacks of 31 January, citing none).
      const proposed = a.threats.filter((t) => t.status === 'proposed');
      assert.ok(proposed.length > 10);
      const cited = [...new Set(proposed.flatMap((t) => t.events))];
      const dates = await ctx.store.db
        .selectFrom('events')
        .select('date_start')
        .where('id', 'in', cited)
        .execute();
      for (const d of dates) assert.ok(d.date_start >= from && d.date_start <= to, d.date_start);
      for (const t of proposed)
        assert.ok(t.events.length > 0 && t.eventCount >= t.events.length, JSON.stringify(t));
      // Alerts are tested on whole months, as the alerts alone (the overview's) are, even where the
      // period starts inside a month and runs to the end of the data.
      const toEnd = await analysisOperations.analyze.run(ctx, { country: 'South Sudan', from: '2015-06-15' });
      const alone = await listAlerts.run(ctx, { country: 'South Sudan', from: '2015-06-15' });
      const key = (x: { key: string; kind: string; start: string; alarm: string; observed: number }) =>
        `${x.key} ${x.kind} ${x.start} ${x.alarm} ${x.observed}`;
      assert.deepEqual(toEnd.alerts.map(key).sort(), alone.alerts.map(key).sort());
    });

    test('a period that stops early in its last month says that month reads low', async () => {
      const cut = await analysisOperations.analyze.run(ctx, { country: 'South Sudan', to: '2014-03-10' });
      assert.deepEqual(cut.period.partialLastMonth, { month: '2014-03', days: 10, of: 31 });
      assert.match(renderBriefMarkdown(cut), /its last month, Mar 2014, holds 10 of its 31 days/);
      const nearlyWhole = await analysisOperations.analyze.run(ctx, {
        country: 'South Sudan',
        to: '2014-02-25',
      });
      assert.equal(nearlyWhole.period.partialLastMonth, null);
      assert.doesNotMatch(renderBriefMarkdown(nearlyWhole), /read low/);
      // A period asked to start late in its first month says so too (a brief probe).
      const late = await analysisOperations.analyze.run(ctx, {
        country: 'South Sudan',
        from: '2014-03-20',
        to: '2014-06-30',
      });
      assert.deepEqual(late.period.partialFirstMonth, { month: '2014-03', days: 12, of: 31 });
      assert.match(renderBriefMarkdown(late), /its first month, Mar 2014, holds 12 of its 31 days/);
      assert.equal(nearlyWhole.period.partialFirstMonth, undefined, 'starting where the data does');
    });

    test('analyze --json matches the golden file for South Sudan', () => {
      assertGolden(`analyze-south-sudan.json`, `${JSON.stringify(southSudan, null, 2)}\n`);
    });

    test('analyze --json matches the golden file for the Central African Republic', () => {
      assertGolden(`analyze-central-african-republic.json`, `${JSON.stringify(centralAfrica, null, 2)}\n`);
    });

    test('the Markdown brief matches the golden file for South Sudan', () => {
      assertGolden('brief-south-sudan.md', renderBriefMarkdown(southSudan, goldenContext('acled')));
    });

    test('the Markdown brief matches the golden file for the Central African Republic', () => {
      assertGolden(
        'brief-central-african-republic.md',
        renderBriefMarkdown(centralAfrica, goldenContext('ucdp')),
      );
    });

    test('the HTML brief carries a chart per trend and every section', () => {
      const html = renderBriefHtml(southSudan);
      assert.ok((html.match(/<svg/g) ?? []).length >= 5);
      for (const h of [
        'Headline figures',
        'Hotspots',
        'Escalation alerts',
        'Perpetrators',
        'Drivers of violence',
        'Threats',
      ])
        assert.ok(html.includes(`<h2>${h}`), h);
      assert.ok(html.includes('How these figures were counted'));
    });

    test('a tag or a hand-added threat on a place or an event the store does not hold is refused, naming the field', async () => {
      const as = { ...ctx, requester: { name: 'amina', roles: ['poc'] } };
      const refused = (field: string) => (e: unknown) =>
        isTandemError(e) && (e.details as { field?: string } | undefined)?.field === field;
      await assert.rejects(
        analysisOperations.tagDriver.run(as, {
          driver: 'cattle-and-transhumance',
          country: 'Narnia',
          note: '',
        }),
        refused('country'),
      );
      await assert.rejects(
        analysisOperations.tagDriver.run(as, {
          driver: 'cattle-and-transhumance',
          country: 'South Sudan',
          admin1: 'Ouaka',
          note: '',
        }),
        refused('admin1'),
      );
      const threat = {
        perpetrator: 'Unknown gunmen',
        targetedPopulation: 'Traders',
        violenceType: 'violence-against-civilians' as const,
        country: 'South Sudan',
        admin1: '',
        likelihood: 'medium' as const,
        severity: 'high' as const,
        trend: 'new' as const,
        drivers: [],
        events: [] as number[],
        note: '',
      };
      await assert.rejects(
        analysisOperations.addThreat.run(as, { ...threat, country: 'Narnia' }),
        refused('country'),
      );
      await assert.rejects(
        analysisOperations.addThreat.run(as, { ...threat, events: [999_999_999] }),
        refused('events'),
      );
      const [car] = await ctx.store.db
        .selectFrom('events')
        .select('id')
        .where('country', '=', 'Central African Republic')
        .limit(1)
        .execute();
      await assert.rejects(
        analysisOperations.addThreat.run(as, { ...threat, events: [Number(car!.id)] }),
        refused('events'),
      );
    });

    test('a driver tag is joint only once a POC analyst and a political analyst stand behind it', async () => {
      const event = southSudan.alerts[0]!.evidence[0]!;
      // Each acts under their own account: the analyst and unit come from it, not from the input.
      const as = (name: string, roles: string[]) => ({ ...ctx, requester: { name, roles } });
      const amina = as('amina', ['poc']);
      const tag = await analysisOperations.tagDriver.run(amina, {
        driver: 'cattle-and-transhumance',
        eventId: event.id,
        note: '',
      });
      assert.equal(tag.joint, false);
      assert.equal(tag.unit, 'poc');
      // Tagging it again (a second click) gives the same tag: a probe found two stored, read as
      // "2 analysts' tags", and the other unit offered a second confirmation.
      const again = await analysisOperations.tagDriver.run(amina, {
        driver: 'cattle-and-transhumance',
        eventId: event.id,
        note: '',
      });
      assert.equal(again.id, tag.id);
      // The same person cannot confirm it, whatever unit or name they give.
      await assert.rejects(
        analysisOperations.confirmDriver.run(as('amina', ['political']), { tagId: tag.id }),
        (e) => isTandemError(e) && e.code === 'conflict',
      );
      await assert.rejects(
        analysisOperations.confirmDriver.run(amina, { tagId: tag.id, unit: 'political', analyst: 'chen' }),
        (e) => isTandemError(e) && e.code === 'conflict',
      );
      // Nor tag under another's name, nor for a unit their account is not in.
      await assert.rejects(
        analysisOperations.tagDriver.run(amina, {
          driver: 'cattle-and-transhumance',
          eventId: event.id,
          analyst: 'bob',
          note: '',
        }),
        (e) => isTandemError(e) && e.code === 'bad-input' && /analyst/.test(e.message),
      );
      await assert.rejects(
        analysisOperations.tagDriver.run(amina, {
          driver: 'cattle-and-transhumance',
          eventId: event.id,
          unit: 'political',
          note: '',
        }),
        (e) => isTandemError(e) && e.code === 'bad-input' && /unit/.test(e.message),
      );
      const samePocUnit = await analysisOperations.confirmDriver.run(as('bob', ['poc']), { tagId: tag.id });
      assert.equal(samePocUnit.joint, false);
      let a = await analysisOperations.analyze.run(ctx, { country: 'South Sudan' });
      let d = a.drivers.find((x) => x.driver === 'cattle-and-transhumance')!;
      assert.equal(d.joint, false);
      assert.equal(d.unconfirmedTags, 1);
      const joint = await analysisOperations.confirmDriver.run(as('chen', ['political']), { tagId: tag.id });
      assert.equal(joint.joint, true);
      a = await analysisOperations.analyze.run(ctx, { country: 'South Sudan' });
      d = a.drivers.find((x) => x.driver === 'cattle-and-transhumance')!;
      assert.equal(d.joint, true);
      assert.equal(d.jointTags, 1);
      assert.ok(d.evidence.some((e) => e.kind === 'tag' && e.eventId === event.id));
      const brief = renderBriefMarkdown(a);
      const jointPart = brief.slice(brief.indexOf('Joint findings'), brief.indexOf('Unconfirmed tags'));
      assert.ok(jointPart.includes('Cattle and transhumance'));
      const listed = await analysisOperations.listDrivers.run(ctx, { country: 'South Sudan' });
      assert.equal(listed.joint.length, 1);
    });

    test('only POC and political staff (or an administrator) act for a unit: two others cannot make a tag joint', async () => {
      const as = (name: string, roles: string[]) => ({ ...ctx, requester: { name, roles } });
      const tag = { driver: 'cattle-and-transhumance', country: 'South Sudan', note: '' };
      await assert.rejects(
        analysisOperations.tagDriver.run(as('ana', ['analyst']), { ...tag, unit: 'poc' }),
        (e) => isTandemError(e) && e.code === 'forbidden' && /POC role/.test(e.message),
      );
      const byProtection = await analysisOperations.tagDriver.run(as('hana', ['human-rights']), tag);
      assert.equal(byProtection.unit, 'poc');
      await assert.rejects(
        analysisOperations.confirmDriver.run(as('hiro', ['human-rights']), {
          tagId: byProtection.id,
          unit: 'political',
        }),
        (e) => isTandemError(e) && e.code === 'bad-input' && /works in the poc unit/.test(e.message),
      );
      await assert.rejects(
        analysisOperations.confirmDriver.run(as('pat', ['planner']), { tagId: byProtection.id }),
        (e) => isTandemError(e) && e.code === 'forbidden',
      );
    });

    test('tagging an unknown driver is refused with the list of known ones', async () => {
      await assert.rejects(
        analysisOperations.tagDriver.run(ctx, {
          driver: 'sunspots',
          country: 'South Sudan',
          unit: 'poc',
          note: '',
        }),
        (e) => isTandemError(e) && e.code === 'bad-input' && /cattle-and-transhumance/.test(e.message),
      );
    });

    test('threats proposed from the data can be saved and edited, and the analysis shows the edit', async () => {
      const proposed = await analysisOperations.proposeThreats.run(ctx, {
        country: 'South Sudan',
        save: true,
      });
      assert.ok(proposed.saved > 0);
      const listed = await analysisOperations.listThreats.run(ctx, { country: 'South Sudan' });
      assert.equal(listed.threats.length, proposed.saved);
      const first = listed.threats[0]!;
      assert.ok(first.events.length > 0 && first.eventCount >= first.events.length);
      const edited = await analysisOperations.editThreat.run(ctx, {
        id: first.id!,
        likelihood: 'low',
        note: 'patrols resumed',
      });
      assert.equal(edited.status, 'accepted');
      const a = await analysisOperations.analyze.run(ctx, { country: 'South Sudan' });
      const shown = a.threats.find((t) => t.id === first.id)!;
      assert.equal(shown.likelihood, 'low');
      assert.equal(shown.note, 'patrols resumed');
      const again = await analysisOperations.proposeThreats.run(ctx, { country: 'South Sudan', save: true });
      assert.equal(again.saved, 0, 'saving twice adds nothing');
      // Edits of different fields at once each keep theirs (whole rows written back had kept the
      // last one's: an API probe lost a likelihood and a note).
      const second = listed.threats[1]!;
      await Promise.all([
        analysisOperations.editThreat.run(ctx, { id: second.id!, likelihood: 'very-high' }),
        analysisOperations.editThreat.run(ctx, { id: second.id!, note: 'market day raids' }),
        analysisOperations.editThreat.run(ctx, { id: second.id!, severity: 'low' }),
      ]);
      const [stored] = (
        await analysisOperations.listThreats.run(ctx, { country: 'South Sudan' })
      ).threats.filter((t) => t.id === second.id);
      assert.deepEqual(
        [stored!.likelihood, stored!.note, stored!.severity, stored!.status],
        ['very-high', 'market day raids', 'low', 'accepted'],
      );
    });

    test('a raised threshold gives no more alerts than the default', async () => {
      const strict = await analysisOperations.analyze.run(ctx, { country: 'South Sudan', threshold: 10 });
      assert.ok(strict.alerts.length <= southSudan.alerts.length);
    });

    test('an unknown country is reported as not found', async () => {
      await assert.rejects(
        analysisOperations.analyze.run(ctx, { country: 'Atlantis' }),
        (e) => isTandemError(e) && e.code === 'not-found',
      );
    });

    test('tandem analyze --json prints the contract fields and exits 0; a bad date exits 2', async () => {
      const r = await runCli(['analyze', '--country', 'South Sudan', '--json', ...opened.flags]);
      assert.equal(r.code, 0, r.stderr);
      const d = JSON.parse(r.stdout);
      for (const k of ['period', 'headline', 'areas', 'alerts', 'perpetrators', 'drivers', 'threats'])
        assert.ok(k in d, k);
      assert.ok(
        d.alerts.some(
          (x: { level: string; key: string; start: string }) =>
            x.level === 'country' && x.key === 'South Sudan' && x.start === '2013-12',
        ),
      );
      const bad = await runCli([
        'analyze',
        '--country',
        'South Sudan',
        '--from',
        '2013-13-01',
        ...opened.flags,
      ]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--from/);
      assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/);
    });
  });
}
