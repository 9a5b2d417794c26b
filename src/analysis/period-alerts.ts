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
import { escalationAlerts } from './escalation-alerts.ts';
import type { CusumOptions } from './nb-cusum.ts';

export interface PeriodAlertOptions {
  firstMonth: string;
  lastMonth: string;
  /** The last month with data in the scope: the series run to it, so a rise that starts in the period and is confirmed after it is seen. */
  dataLastMonth: string;
  cusum: CusumOptions;
  evidenceLimit: number;
  minActorEvents: number;
  /** Cells already read up to `lastMonth`, reused when the period runs to the end of the data. */
  read?: { areaMonths: readonly AreaMonth[]; actorMonths: readonly ActorMonth[] };
}

/**
 * The escalation alerts of a period: those whose window (the start of the rise to its alarm)
 * overlaps it, found on series that run to the last month with data. Reads only the monthly
 * aggregates and each alert's bounded evidence, so it is the cheap part of the joint analysis.
 */
export async function readPeriodAlerts(
  db: Kysely<Database>,
  scope: AnalysisScope,
  o: PeriodAlertOptions,
): Promise<EscalationAlert[]> {
  const seriesEnd = o.dataLastMonth > o.lastMonth ? o.dataLastMonth : o.lastMonth;
  const [areaMonths, actorMonths] =
    o.read && seriesEnd === o.lastMonth
      ? [o.read.areaMonths, o.read.actorMonths]
      : await Promise.all([readAreaMonths(db, scope, seriesEnd), readActorMonths(db, scope, seriesEnd)]);
  return escalationAlerts(db, areaMonths, actorMonths, {
    admin1: scope.admin1,
    cusum: o.cusum,
    evidenceLimit: o.evidenceLimit,
    minActorEvents: o.minActorEvents,
    firstMonth: o.firstMonth,
    periodLastMonth: o.lastMonth,
    lastMonth: seriesEnd,
  });
}
