import { z } from 'zod';
import { readDateRange } from '../analysis/analysis-queries.ts';
import { boxAround } from '../analysis/great-circle.ts';
import { LOCAL_PROCESS_CHECK_TEXT } from '../analysis/local-process-check-text.ts';
import {
  countAround,
  DEFAULT_RADIUS_KM,
  DEFAULT_WINDOW_DAYS,
  LOCAL_ACTOR_CATEGORIES,
  type LocalFinding,
  type OfficeFinding,
  officeFindings,
  planObjectivesTying,
  processFindings,
  type WindowCount,
  windowsAround,
} from '../analysis/local-process-checks.ts';
import type { TouchingRecord } from '../analysis/local-process-people.ts';
import { lastDayOf } from '../analysis/months.ts';
import { addDays } from '../domain/calendar-day.ts';
import {
  type CountsUnavailable,
  hasUsableLocation,
  type LocalProcess,
  linkedToNational,
} from '../domain/local-process.ts';
import { appendAudit } from '../security/audit-chain.ts';
import {
  eventsInBox,
  eventsWithActorCategories,
  type NearbyEvent,
  newestPlanOf,
  saveLocalProcesses,
} from '../store/local-process-repository.ts';
import {
  type EventOrigin,
  eventReadRule,
  type RecordRead,
  releaseLocalProcesses,
  withheldNearbyEvent,
} from './access-control.ts';
import { logEventReads } from './access-log.ts';
import { languageInput } from './language-input.ts';
import { formatOf, LOCAL_FORMATS, readLocalFile } from './local-process-file-format.ts';
import { recordsTouchingProcessPeople } from './local-process-people.ts';
import {
  BoundaryCache,
  PLACEMENT_NOTES,
  type PlacedProcess,
  placeInAreas,
  processesOfCountry,
} from './local-process-placement.ts';
import { numberInput } from './number-input.ts';
import { defineOperation } from './operation.ts';
import { parsePlanInput } from './plan-operations.ts';
import { assertMayOverwriteLocalProcesses } from './record-overwrite-guard.ts';

/** A local process as the list answers it (the contract's fields first). */
export interface ListedLocalProcess extends Omit<LocalProcess, 'source'> {
  linkedToNational: boolean;
  source: LocalProcess['source'];
  /**
   * Listed under each country its (compound) country names, its coordinates lying in none of
   * their loaded boundaries: the same process, by the same id, in each of those countries.
   */
  crossBorder: boolean;
}

function listed({ outsideCountry: _o, ...p }: PlacedProcess): ListedLocalProcess {
  return { ...p, linkedToNational: linkedToNational(p) };
}

/** One process's check: the contract's before/after counts, its findings, and the method. */
export interface LocalProcessCheck {
  id: string;
  name: string;
  date: string;
  /** As the source writes it: a compound name ("Mali/Niger") stays whole. */
  country: string;
  /** Listed under each country it names (see ListedLocalProcess). */
  crossBorder: boolean;
  admin1: string;
  latitude: number;
  longitude: number;
  status: LocalProcess['status'];
  office: string | null;
  linkedToNational: boolean;
  planObjectives: string[] | null;
  before: WindowCount;
  after: WindowCount;
  /** after − before, in events; positive when violence near it rose; 0 when they are not counts. */
  change: number;
  /**
   * Why `before` and `after` are not counts (their zeros then mean "not counted", never "no
   * violence"): `no-event-data` when the store holds no events for the country, `no-location`
   * when the process has no usable coordinates (0, 0), `location-outside-country` when its
   * coordinates lie outside the country's loaded boundaries, `outside-data-period` when a window
   * reaches before the first month of the country's events or after the last (what was
   * found in the part covered is kept, with its evidence, but compares nothing). `null` when
   * they are counts.
   */
  countsUnavailable: CountsUnavailable | null;
  findings: LocalFinding[];
  sensitivity: LocalProcess['sensitivity'];
  /**
   * Incidents of the mission's log and events in [date − window, date + window] that touched its
   * people: participants of the register who take part in it, its mediators and third parties.
   */
  incidentsTouchingParticipants: TouchingRecord[];
}

const checkInput = z.object({
  country: z.string().trim().min(1, 'the country is needed'),
  /** The plan file's text or object, when the plan's objectives should count as links too. */
  plan: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  planName: z.string().optional(),
  /** Without a plan given, use the newest stored plan of the country (the workbench does). */
  storedPlan: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
  radiusKm: numberInput(z.number().gt(0, 'a radius above 0 km').max(2000)).default(DEFAULT_RADIUS_KM),
  windowDays: numberInput(z.number().int().min(1).max(3650)).default(DEFAULT_WINDOW_DAYS),
  /** Only this process. */
  id: z.string().trim().min(1).optional(),
  lang: languageInput,
});

export const localProcessOperations = {
  importLocalProcesses: defineOperation({
    writes: true,
    summary:
      "Import local processes: PA-X Local's CSV (id pax-local:AgtId) or the mission's own YAML/JSON file (docs/local-processes.md). A record with no date or coordinates out of range refuses the whole file; importing the same file again changes nothing. A file that would change a stored process you may not read in full, lower a process's sensitivity or move it to an office not yours is refused whole; every process above public created or changed is audited.",
    input: z.object({
      text: z.string().min(1, 'the file is empty'),
      name: z.string().min(1).default('local-processes'),
      format: z.enum(LOCAL_FORMATS).optional(),
    }),
    async run(ctx, input) {
      const format = formatOf(input.text, input.name, input.format);
      const { records, setAside } = readLocalFile(input.text, input.name, format);
      const { placed, outside, admin1Doubts } = await placeInAreas(ctx, records);
      const counts = await saveLocalProcesses(ctx.store.db, placed, ctx.requester.name, {
        check: (writes) => assertMayOverwriteLocalProcesses(ctx.requester, writes),
        // As for incidents: each process above public created or changed, in the import's transaction.
        written: (trx, writes) =>
          appendAudit(
            trx,
            writes
              .filter((w) => w.change !== 'unchanged' && w.process.sensitivity !== 'public')
              .map((w) => ({
                actor: ctx.requester.name,
                action: w.change,
                recordKind: 'local-process',
                recordId: w.process.id,
                sensitivity: w.process.sensitivity,
                detail:
                  w.change === 'created'
                    ? { office: w.process.office, kind: w.process.kind }
                    : { office: w.process.office, fields: w.fields },
              })),
            { inTransaction: true },
          ),
      });
      return {
        ...counts,
        setAside: setAside.length,
        format,
        setAsideRows: setAside,
        admin1FromBoundaries: placed.filter((p) => p.admin1Source === 'boundaries').length,
        outsideBoundaries: outside,
        admin1Doubts,
      };
    },
  }),

  listLocalProcesses: defineOperation({
    summary: 'The local processes of a country (all countries when none is named), oldest first.',
    input: z.object({
      country: z.string().trim().min(1).optional(),
      admin1: z.string().trim().min(1).optional(),
    }),
    async run(ctx, input): Promise<{ processes: ListedLocalProcess[]; withheld: number }> {
      const found = await processesOfCountry(ctx, input);
      const { released, withheld } = await releaseLocalProcesses(ctx, found, 'listLocalProcesses');
      return { processes: released.map(listed), withheld };
    },
  }),

  /**
   * Holds each local process of a country against the events in the store: the events within the
   * radius (great circle, R = 6371 km) of its place in the window before its date and in the window
   * after, the deaths they record, the incidents and events that touched its participants,
   * mediators or third parties, and the findings (local–national disconnect, breaking down,
   * participants or mediators targeted). With a plan, its objectives count as links, and field
   * activities in areas of local violence with no local process there are named. Only the
   * processes the requester may know of are checked (access-control.ts); `withheld` counts the
   * others. Every figure lists its events.
   */
  checkLocalProcesses: defineOperation({
    summary:
      'Local processes against the evidence: events and deaths within the radius before and after each, parties fighting on, links to the national process and the plan; every figure lists its events.',
    input: checkInput.superRefine((input) => {
      if (input.plan !== undefined) parsePlanInput({ plan: input.plan, name: input.planName });
    }),
    async run(ctx, input) {
      const stored =
        input.plan === undefined && input.storedPlan ? await newestPlanOf(ctx.store.db, input.country) : null;
      const plan =
        input.plan !== undefined
          ? parsePlanInput({ plan: input.plan, name: input.planName }).plan
          : stored
            ? parsePlanInput({ plan: stored.text, name: stored.fileName }).plan
            : null;
      const boundaries = new BoundaryCache(ctx);
      const found = await processesOfCountry(ctx, { country: input.country }, boundaries);
      // Released whole before `id` picks one: `withheld` then never confirms that an id exists.
      const { released, withheld } = await releaseLocalProcesses(ctx, found, 'checkLocalProcesses');
      const processes = input.id ? released.filter((p) => p.id === input.id) : released;
      const reads = new Map<number, RecordRead>();
      const touching = await recordsTouchingProcessPeople(
        ctx,
        input.country,
        processes,
        input.windowDays,
        reads,
      );
      // Whether the store holds any event for the country at all: without, a process's 0 before
      // and 0 after would read as calm where nothing was counted (plan check notes the same).
      const eventData =
        (await ctx.store.db
          .selectFrom('country_counts')
          .select('country')
          .where('country', '=', input.country)
          .limit(1)
          .executeTakeFirst()) !== undefined;
      // The period the country's events cover, in whole months: from the first day of the month of
      // its first event to the last day of the month of its last. A window reaching outside it
      // holds 0 for want of data, not for want of violence.
      const range = eventData ? await readDateRange(ctx.store.db, { country: input.country }) : null;
      const period =
        range?.first && range.last
          ? { first: `${range.first.slice(0, 7)}-01`, last: lastDayOf(range.last.slice(0, 7)) }
          : null;
      const results: LocalProcessCheck[] = [];
      for (const p of processes) {
        const w = windowsAround(p.date, input.windowDays);
        // Around (0, 0), or a point outside the country's loaded boundaries (a slip such as a
        // latitude repeated as the longitude), nothing is looked for: the counts are said missing.
        const located = hasUsableLocation(p) && !p.outsideCountry;
        const inBox = located
          ? await eventsInBox(
              ctx.store.db,
              boxAround(p.latitude, p.longitude, input.radiusKm),
              w.before[0],
              w.after[1],
            )
          : [];
        // Only what the requester may read in full is counted: the radius is theirs to choose, and
        // an event counted at 45 km but not at 44, from three processes, gave its point away.
        const readable = await eventReadRule<EventOrigin>(ctx, inBox);
        const near = inBox.filter((e) => e.sensitivity === 'public' || readable(e));
        const around = countAround(p, near, input.radiusKm, input.windowDays);
        const levels = new Map(near.map((e) => [e.id, e.sensitivity]));
        for (const e of [...around.before.evidence, ...around.after.evidence]) {
          const sensitivity = levels.get(e.id) ?? 'public';
          if (sensitivity !== 'public') reads.set(e.id, { sensitivity, granted: true });
        }
        const people = touching.get(p.id) ?? [];
        // Events found around a process of a country the store has no events for (across a
        // border, or a country spelled otherwise in the events) are counts all the same.
        const countsUnavailable: CountsUnavailable | null = !hasUsableLocation(p)
          ? 'no-location'
          : p.outsideCountry
            ? 'location-outside-country'
            : !eventData && around.before.events === 0 && around.after.events === 0
              ? 'no-event-data'
              : period && (w.before[0] < period.first || w.after[1] > period.last)
                ? 'outside-data-period'
                : null;
        // Counts that are not counts compare nothing: no "breaking down" from a window without data.
        const findings = processFindings(p, around, plan, people, input.lang).filter(
          (f) => countsUnavailable === null || f.kind !== 'breaking-down',
        );
        results.push({
          id: p.id,
          name: p.name,
          date: p.date,
          country: p.country,
          crossBorder: p.crossBorder,
          admin1: p.admin1,
          latitude: p.latitude,
          longitude: p.longitude,
          status: p.status,
          office: p.office || null,
          linkedToNational: linkedToNational(p),
          planObjectives: plan ? planObjectivesTying(p, plan) : null,
          before: around.before,
          after: around.after,
          change: countsUnavailable === null ? around.after.events - around.before.events : 0,
          countsUnavailable,
          findings,
          sensitivity: p.sensitivity,
          incidentsTouchingParticipants: people,
        });
      }
      let offices: OfficeFinding[] = [];
      let noLocalViolence = false;
      if (plan) {
        const local: NearbyEvent[] = await eventsWithActorCategories(
          ctx.store.db,
          plan.country,
          addDays(plan.period.from, -input.windowDays),
          plan.period.to,
          LOCAL_ACTOR_CATEGORIES,
        );
        const readable = await eventReadRule(ctx, local);
        const released = local.map((e) => {
          const { latitude: _la, longitude: _lo, sensitivity, ...rest } = e;
          const evidence = { ...rest, distanceKm: 0 };
          if (sensitivity === 'public') return evidence;
          const granted = readable(e);
          reads.set(e.id, { sensitivity, granted });
          return granted ? evidence : withheldNearbyEvent(evidence);
        });
        noLocalViolence = eventData && local.length === 0;
        const all = await processesOfCountry(ctx, { country: plan.country }, boundaries);
        offices = officeFindings(plan, all, released, input.lang);
      }
      await logEventReads(
        ctx,
        [...reads].map(([id, read]) => ({ id, ...read })),
        'checkLocalProcesses',
      );
      const t = LOCAL_PROCESS_CHECK_TEXT[input.lang ?? 'en'];
      const notes: string[] = [];
      if (results.some((r) => r.countsUnavailable === 'no-event-data'))
        notes.push(t.notes.noEvents(input.country));
      if (noLocalViolence && plan) notes.push(t.notes.noLocalViolence(plan.country));
      const nowhere = results.filter((r) => r.countsUnavailable === 'no-location').map((r) => r.id);
      if (nowhere.length) notes.push(t.notes.noLocation(nowhere));
      const placement = PLACEMENT_NOTES[input.lang ?? 'en'];
      const outside = results
        .filter((r) => r.countsUnavailable === 'location-outside-country')
        .map((r) => r.id);
      if (outside.length) notes.push(placement.outside(input.country, outside));
      const outOfPeriod = results
        .filter((r) => r.countsUnavailable === 'outside-data-period')
        .map((r) => r.id);
      if (outOfPeriod.length && period)
        notes.push(t.notes.outsideDataPeriod(outOfPeriod, period.first, period.last));
      const crossing = results.filter((r) => r.crossBorder).map((r) => r.id);
      if (crossing.length) notes.push(placement.crossBorder(crossing));
      return {
        country: input.country,
        radiusKm: input.radiusKm,
        windowDays: input.windowDays,
        plan: plan ? plan.mission : null,
        method: t.method(input.windowDays, input.radiusKm),
        processes: results,
        withheld,
        officeFindings: offices,
        /** Whether the store holds any event for the country (without, nothing could be counted). */
        eventDataForCountry: eventData,
        /** What the check could not count, and why (counts unavailable are not zeros). */
        notes,
      };
    },
  }),
};
