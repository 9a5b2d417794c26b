import type { Kysely } from 'kysely';
import type { EscalationAlert } from '../domain/alert.ts';
import type { EventCitation } from '../domain/event-citation.ts';
import { readEventsRevision } from '../store/events-revision.ts';
import { WITHHELD_KEY } from '../store/hidden-records.ts';
import { RevisionMemo } from '../store/revision-memo.ts';
import type { Database } from '../store/schema.ts';
import type { AnalysisScope } from './aggregate-scope.ts';
import { type AreaMonth, readAreaMonths } from './analysis-queries.ts';
import { alertEvidence, type DetectedAlert, detectAllAlerts, withEvidence } from './escalation-alerts.ts';
import type { HiddenActorCounts } from './hidden-actor-counts.ts';
import { DEFAULT_LOG_CUSUM_OPTIONS } from './log-cusum.ts';
import type { CusumOptions } from './nb-cusum.ts';
import { DEFAULT_NEW_ACTOR_OPTIONS } from './new-actor-alerts.ts';
import { type ActorMonth, readActorMonths } from './perpetrator-queries.ts';

export interface PeriodAlertOptions {
  firstMonth: string;
  lastMonth: string;
  /** The last month with data in the scope: the series run to it, whatever the period. */
  dataLastMonth: string;
  cusum: CusumOptions;
  evidenceLimit: number;
  minActorEvents: number;
  /** Cells already read up to `dataLastMonth`, used instead of reading them again. */
  read?: { areaMonths: readonly AreaMonth[]; actorMonths: readonly ActorMonth[] };
  /**
   * The events the requester may not read in full (hidden-actor-counts.ts): the actors' series
   * count them under "(withheld)", and are read for this requester, not kept for everyone.
   */
  hidden?: HiddenActorCounts | null;
}

/**
 * Every alarm the test raises in a scope, whatever the period: the series run from the first month
 * of data to the last, so which rises are found does not depend on the period asked, only on the
 * data. The period then keeps those whose window overlaps it.
 */
async function detectScopeAlerts(
  db: Kysely<Database>,
  scope: AnalysisScope,
  o: PeriodAlertOptions,
  read: { areaMonths: readonly AreaMonth[]; actorMonths: readonly ActorMonth[] },
): Promise<DetectedAlert[]> {
  return detectAllAlerts(db, read.areaMonths, read.actorMonths, {
    country: scope.country,
    admin1: scope.admin1,
    lastMonth: o.dataLastMonth,
    minActorEvents: o.minActorEvents,
    cusum: o.cusum,
    fatalityCusum: DEFAULT_LOG_CUSUM_OPTIONS,
    newActors: DEFAULT_NEW_ACTOR_OPTIONS,
    // Alarms before the period cannot overlap it; the tests' own warm-up starts from here too.
    firstMonth: o.firstMonth,
  });
}

/**
 * Entries kept per store and kind. A scope's alarms are kept per first month asked: a country of
 * 80 provinces over 15 years has 14,000 such keys, the periods people ask far fewer, each a few
 * kilobytes (it was 200, and a full cache was emptied at once).
 *
 * What is kept until the store's events change: a scope's monthly cells, which do not depend on
 * the period, and its alarms for each first month asked, so that another period costs only the
 * tests, the filter and the evidence of the alerts in it.
 */
const MAX_KEPT = 2000;

type ScopeCells = { areaMonths: readonly AreaMonth[]; actorMonths: readonly ActorMonth[] };
const cells = new RevisionMemo<ScopeCells>(MAX_KEPT);
const detected = new RevisionMemo<DetectedAlert[]>(MAX_KEPT);
const evidenceOf = new RevisionMemo<EventCitation[]>(MAX_KEPT);

/** The scope's alarms, from cells and alarms kept under `stamp` (the store's data as it is now). */
function scopeAlerts(
  db: Kysely<Database>,
  scope: AnalysisScope,
  o: PeriodAlertOptions,
  stamp: number,
): Promise<DetectedAlert[]> {
  const cellKey = JSON.stringify([scope.country, scope.admin1, o.dataLastMonth]);
  const read = () =>
    cells.get(db, cellKey, stamp, async () => {
      const [areaMonths, actorMonths] = await Promise.all([
        readAreaMonths(db, scope, o.dataLastMonth),
        readActorMonths(db, scope, o.dataLastMonth),
      ]);
      return { areaMonths, actorMonths };
    });
  const key = JSON.stringify([cellKey, o.firstMonth, o.cusum, o.minActorEvents]);
  return detected.get(db, key, stamp, async () => detectScopeAlerts(db, scope, o, await read()));
}

/**
 * The escalation alerts of a period: those whose window (the start of the rise to its alarm)
 * overlaps it, so a rise that began in December and was confirmed in January counts for December.
 * Reads only the monthly aggregates and each alert's bounded evidence: the cheap part of the joint
 * analysis.
 */
export async function readPeriodAlerts(
  db: Kysely<Database>,
  scope: AnalysisScope,
  o: PeriodAlertOptions,
): Promise<EscalationAlert[]> {
  // A requester with hidden events in scope has series of their own: read, not kept for everyone.
  if (!o.read && o.hidden) {
    const [areaMonths, actorMonths] = await Promise.all([
      readAreaMonths(db, scope, o.dataLastMonth),
      readActorMonths(db, scope, o.dataLastMonth, o.hidden),
    ]);
    return readPeriodAlerts(db, scope, { ...o, read: { areaMonths, actorMonths } });
  }
  // The store's data stamp, read once: cells, alarms and evidence are all kept under it (cells
  // handed in by the caller are used as they are, and nothing is kept).
  const stamp = o.read ? null : await readEventsRevision(db);
  const all = o.read
    ? await detectScopeAlerts(db, scope, o, o.read)
    : await scopeAlerts(db, scope, o, stamp as number);
  // "(withheld)" pools the actors of every event the requester may not read: its series is no
  // actor's, and a rise or a "new actor" there is an artefact of the pooling, not an alert.
  const inPeriod = all.filter(
    (a) =>
      a.alarm >= o.firstMonth && a.start <= o.lastMonth && !(a.level === 'actor' && a.key === WITHHELD_KEY),
  );
  // An alert's evidence depends on the alert, not on the period: kept like the alarms.
  const evidence = await Promise.all(
    inPeriod.map((a) => {
      const read = () => alertEvidence(db, a, { admin1: scope.admin1, evidenceLimit: o.evidenceLimit });
      if (stamp === null) return read();
      const key = JSON.stringify([
        a.level,
        a.country,
        a.key,
        a.metric,
        a.kind,
        a.start,
        a.alarm,
        scope.admin1,
        o.evidenceLimit,
      ]);
      return evidenceOf.get(db, key, stamp, read);
    }),
  );
  return inPeriod.map((a, i) => withEvidence(a, evidence[i]!));
}
