import type { Kysely } from 'kysely';
import type { EscalationAlert } from '../domain/alert.ts';
import type { Database } from '../store/schema.ts';
import {
  type ActorMonth,
  type AnalysisScope,
  type AreaMonth,
  readActorMonths,
  readAreaMonths,
} from './analysis-queries.ts';
import { alertEvidence, type DetectedAlert, detectAllAlerts, withEvidence } from './escalation-alerts.ts';
import { DEFAULT_LOG_CUSUM_OPTIONS } from './log-cusum.ts';
import type { CusumOptions } from './nb-cusum.ts';
import { DEFAULT_NEW_ACTOR_OPTIONS } from './new-actor-alerts.ts';

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
): Promise<DetectedAlert[]> {
  const [areaMonths, actorMonths] = o.read
    ? [o.read.areaMonths, o.read.actorMonths]
    : await Promise.all([
        readAreaMonths(db, scope, o.dataLastMonth),
        readActorMonths(db, scope, o.dataLastMonth),
      ]);
  return detectAllAlerts(db, areaMonths, actorMonths, {
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
 * The scope's alarms, kept per store until its data changes (a new import, a new event: the
 * largest ids of both tables say so), so that asking for another period costs only the filter and
 * the evidence of the alerts in it. Keyed by everything the detection depends on.
 */
const detected = new WeakMap<
  Kysely<Database>,
  Map<string, { stamp: string; alerts: Promise<DetectedAlert[]> }>
>();

async function dataStamp(db: Kysely<Database>): Promise<string> {
  const [imports, events] = await Promise.all([
    db
      .selectFrom('imports')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst(),
    db
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst(),
  ]);
  return `${imports?.id ?? 0}/${events?.id ?? 0}`;
}

async function scopeAlerts(
  db: Kysely<Database>,
  scope: AnalysisScope,
  o: PeriodAlertOptions,
): Promise<DetectedAlert[]> {
  if (o.read) return detectScopeAlerts(db, scope, o);
  const key = JSON.stringify([
    scope.country,
    scope.admin1,
    o.firstMonth,
    o.dataLastMonth,
    o.cusum,
    o.minActorEvents,
  ]);
  const stamp = await dataStamp(db);
  let byScope = detected.get(db);
  if (!byScope) {
    byScope = new Map();
    detected.set(db, byScope);
  }
  const hit = byScope.get(key);
  if (hit && hit.stamp === stamp) return hit.alerts;
  const alerts = detectScopeAlerts(db, scope, o);
  if (byScope.size > 200) byScope.clear();
  byScope.set(key, { stamp, alerts });
  alerts.catch(() => byScope.delete(key));
  return alerts;
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
  const all = await scopeAlerts(db, scope, o);
  const inPeriod = all.filter((a) => a.alarm >= o.firstMonth && a.start <= o.lastMonth);
  const evidence = await Promise.all(
    inPeriod.map((a) => alertEvidence(db, a, { admin1: scope.admin1, evidenceLimit: o.evidenceLimit })),
  );
  return inPeriod.map((a, i) => withEvidence(a, evidence[i]!));
}
