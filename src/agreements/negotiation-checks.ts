import { addDays, daysBetween } from '../domain/calendar-day.ts';
import type { Language } from '../domain/language.ts';
import type {
  EscalationAlert,
  EscalationTest,
  InclusionRow,
  NegotiationEvidence,
  NegotiationProcess,
} from '../domain/negotiation.ts';
import { isFighting } from '../domain/violence-type.ts';
import { NEGOTIATION_CHECK_TEXT } from './negotiation-check-text.ts';

export { addDays };

/** The fields of an event the tracker reads; StoredEvent has them all. */
export interface NegotiationEvent {
  id: number;
  source: string;
  sourceEventId: string;
  dateStart: string;
  admin1: string;
  actor1: string;
  actor2: string;
  /** Those acting with each side (ACLED's associated actors), groups of people left out. */
  actor1Associated?: readonly string[];
  actor2Associated?: readonly string[];
  violenceType: string;
  fatalities: number;
}

export interface EscalationOptions {
  /** Days before a round's first day in which violence is counted (the day before the round is the last). */
  windowDays: number;
  /** Days before the window that give the party's own usual rate. */
  baselineDays: number;
  /** Significance level of the one-sided test, per party and round. */
  alpha: number;
  /** Fewer events than this in the window never raise an alert, however quiet the baseline. */
  minEvents: number;
}

export const DEFAULT_ESCALATION_OPTIONS: EscalationOptions = {
  windowDays: 30,
  baselineDays: 180,
  alpha: 0.05,
  minEvents: 3,
};

/** Violence types that can count as a party's violence (not protests or strategic developments). */
export const VIOLENT_TYPES = [
  'battles',
  'state-based-conflict',
  'non-state-conflict',
  'explosions-remote-violence',
  'violence-against-civilians',
  'riots',
] as const;

/**
 * How a party took part in an event as its perpetrator, or null when it did not perpetrate it:
 * either side of a battle (ACLED's battles, GED's state-based and non-state conflict) fights,
 * and so does an actor fighting beside either side (ACLED's associated actors: Rwanda's army with
 * M23), as `battle-side`; in one-sided violence against civilians (GED's side A is its actor 1),
 * explosions and remote violence, and riots, actor 1 commits it (`actor-1`), and so does one
 * acting with actor 1 (`associated`). A party that suffered violence (actor 2 of an attack, or
 * named with it) has not raised its violence.
 */
export function perpetration(
  e: Pick<NegotiationEvent, 'violenceType' | 'actor1' | 'actor2' | 'actor1Associated' | 'actor2Associated'>,
  actors: ReadonlySet<string>,
): NegotiationEvidence['as'] {
  const withFirst = (e.actor1Associated ?? []).some((a) => actors.has(a));
  if (isFighting(e.violenceType))
    return actors.has(e.actor1) ||
      actors.has(e.actor2) ||
      withFirst ||
      (e.actor2Associated ?? []).some((a) => actors.has(a))
      ? 'battle-side'
      : null;
  if (!(VIOLENT_TYPES as readonly string[]).includes(e.violenceType)) return null;
  if (actors.has(e.actor1)) return 'actor-1';
  return withFirst ? 'associated' : null;
}

/** The escalation test's method in words, in `lang`. */
export function escalationMethod(o: EscalationOptions, lang: Language = 'en'): string {
  return NEGOTIATION_CHECK_TEXT[lang].method(o);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space so large counts do not underflow. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let logPmf = n * lq; // i = 0
  const terms: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i >= k) terms.push(logPmf);
    logPmf += Math.log((n - i) / (i + 1)) + lp - lq;
  }
  terms.push(logPmf); // i = n
  const max = Math.max(...terms);
  const sum = terms.reduce((s, t) => s + Math.exp(t - max), 0);
  return Math.min(1, Math.exp(max) * sum);
}

function toEvidence(e: NegotiationEvent, as: NegotiationEvidence['as']): NegotiationEvidence {
  return {
    as,
    id: e.id,
    source: e.source,
    sourceEventId: e.sourceEventId,
    date: e.dateStart,
    admin1: e.admin1,
    actor1: e.actor1,
    actor2: e.actor2,
    violenceType: e.violenceType,
    fatalities: e.fatalities,
  };
}

/**
 * Tests every party before every round for a rise in its violence above its own baseline, the
 * alerts said in `lang`. The
 * events given should be the violent events of the process's country; the function picks each
 * party's own by actor name and date.
 */
export function testEscalation(
  process: NegotiationProcess,
  events: readonly NegotiationEvent[],
  options: EscalationOptions = DEFAULT_ESCALATION_OPTIONS,
  lang: Language = 'en',
  /** The first event in the store for the country: a baseline is counted from it, not before. */
  dataFrom: string | null = null,
  /** The last event in the store for the country: a window reaching past it is not tested. */
  dataTo: string | null = null,
  /** Party actors the store holds no event of (misspelt, or of another country): not testable. */
  unknownActors: readonly string[] = [],
  /** Each source's first and last event in the store for the country. */
  sourceCoverage: ReadonlyMap<string, { from: string; to: string }> = new Map(),
): { tests: EscalationTest[]; alerts: EscalationAlert[] } {
  const unknown = new Set(unknownActors);
  const text = NEGOTIATION_CHECK_TEXT[lang];
  const { windowDays, alpha, minEvents } = options;
  const tests: EscalationTest[] = [];
  const alerts: EscalationAlert[] = [];
  const partyEvents = new Map(
    process.parties.map((p) => {
      const actors = new Set(p.actors);
      return [p.id, events.filter((e) => perpetration(e, actors) !== null)];
    }),
  );
  for (const round of process.rounds) {
    const windowStart = addDays(round.start, -windowDays);
    const windowEnd = addDays(round.start, -1);
    const baselineEnd = addDays(windowStart, -1);
    for (const party of process.parties) {
      const actors = new Set(party.actors);
      const mine = partyEvents.get(party.id)!;
      // Days before the data's first event would count as quiet ones: the baseline starts there,
      // and one shorter than the window (or a window the data does not cover) is not tested. The
      // data is that of the sources the party's events come from: a source that starts later
      // than another (ACLED's 2024 beside GED's 2023) has no quiet year before it.
      const { from: partyFrom, to: partyTo } = coverageOf(mine, sourceCoverage, dataFrom, dataTo);
      let baselineStart = addDays(windowStart, -options.baselineDays);
      if (partyFrom && partyFrom > baselineStart)
        baselineStart = partyFrom <= windowStart ? partyFrom : windowStart;
      const baselineDays = Math.max(0, daysBetween(baselineStart, windowStart));
      // A window reaching past the data's end is counted over the days the data covers (uncovered
      // days would pass for quiet ones), and not tested when that is under half of it.
      const coveredEnd = partyTo && partyTo < windowEnd ? partyTo : windowEnd;
      const coveredDays = Math.max(0, daysBetween(windowStart, coveredEnd) + 1);
      const covered = baselineDays >= windowDays && coveredDays * 2 >= windowDays;
      // A party that names no actor, or none the data knows ("SPLA-IO" where the data writes
      // "SPLM-IO"), has no violence of its own to test: 0 against 0 is no finding, and a p of 1
      // would read as a calm party.
      const testable = covered && party.actors.some((a) => !unknown.has(a));
      const inWindow = mine
        .filter((e) => e.dateStart >= windowStart && e.dateStart <= windowEnd)
        .sort((a, b) => a.dateStart.localeCompare(b.dateStart) || a.id - b.id);
      const inBaseline = mine.filter((e) => e.dateStart >= baselineStart && e.dateStart <= baselineEnd);
      const before = inWindow.length;
      const expected = baselineDays ? (inBaseline.length * coveredDays) / baselineDays : 0;
      const pValue = testable
        ? binomialUpperTail(before, before + inBaseline.length, coveredDays / (coveredDays + baselineDays))
        : 1;
      const test: EscalationTest = {
        party: party.id,
        round: round.id,
        windowStart,
        windowEnd,
        windowDays,
        before,
        baselineStart,
        baselineEnd,
        baselineDays,
        baselineEvents: inBaseline.length,
        baseline: round3(expected),
        ratio: expected > 0 ? round3(before / expected) : null,
        pValue,
        testable,
        significant: testable && pValue < alpha && before >= minEvents,
      };
      tests.push(test);
      if (!test.significant) continue;
      const deaths = inWindow.reduce((s, e) => s + e.fatalities, 0);
      const battles = inWindow.filter((e) => perpetration(e, actors) === 'battle-side').length;
      const alongside = inWindow.filter((e) => perpetration(e, actors) === 'associated').length;
      alerts.push({
        kind: 'pre-talks-escalation',
        ...test,
        message: text.escalation({
          party: party.name,
          partyId: party.id,
          before,
          battles,
          alongside,
          deaths,
          windowDays,
          round: round.id,
          roundStart: round.start,
          venue: round.venue,
          baseline: test.baseline,
          baselineDays,
          baselineEvents: inBaseline.length,
          ratio: test.ratio,
          pValue,
        }),
        evidence: inWindow.map((e) => toEvidence(e, perpetration(e, actors))),
      });
    }
  }
  return { tests, alerts };
}

/**
 * The span of data a party's counts rest on: from the first to the last event of the sources its
 * events come from, or the store's for the country when its events name no source (none read, or
 * sources' spans not given).
 */
function coverageOf(
  mine: readonly NegotiationEvent[],
  bySource: ReadonlyMap<string, { from: string; to: string }>,
  from: string | null,
  to: string | null,
): { from: string | null; to: string | null } {
  const spans = [...new Set(mine.map((e) => e.source))].map((s) => bySource.get(s));
  if (!spans.length || spans.some((s) => !s)) return { from, to };
  return spanOf(spans as { from: string; to: string }[]);
}

/** From the first start to the last end of several spans of dates; nulls for none. */
export function spanOf(spans: readonly { from: string; to: string }[]): {
  from: string | null;
  to: string | null;
} {
  let from: string | null = null;
  let to: string | null = null;
  for (const s of spans) {
    if (from === null || s.from < from) from = s.from;
    if (to === null || s.to > to) to = s.to;
  }
  return { from, to };
}

/** Women's share of each delegation in each round, against the process's quota. */
export function inclusion(process: NegotiationProcess): InclusionRow[] {
  const quota = process.quota.women ?? null;
  const rows: InclusionRow[] = [];
  for (const round of process.rounds) {
    for (const party of process.parties) {
      const d = round.delegations[party.id];
      if (!d) continue;
      const total = d.women + d.men + d.other;
      const share = total ? round3(d.women / total) : null;
      rows.push({
        round: round.id,
        party: party.id,
        women: d.women,
        total,
        share,
        quota,
        // Exact comparison on counts, so 3 of 10 meets a 0.3 quota whatever the rounding. A
        // delegation of no one (0 of 0) neither meets nor misses it: there is no share to judge.
        meetsQuota: quota === null || total === 0 ? null : d.women >= quota * total - 1e-9,
      });
    }
  }
  return rows;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
