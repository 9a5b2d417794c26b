import type { Kysely } from 'kysely';
import type { Threat } from '../domain/threat.ts';
import type { HiddenEvents } from '../store/hidden-records.ts';
import type { Database } from '../store/schema.ts';
import type { AnalysisScope } from './aggregate-scope.ts';
import { readActorRegister } from './analysis-queries.ts';
import { loadDriverTaxonomy } from './driver-rules.ts';
import { periodOfScope } from './event-scope-check.ts';
import { readHiddenActorCounts } from './hidden-actor-counts.ts';
import { DEFAULTS } from './joint-analysis.ts';
import { monthRange } from './months.ts';
import { readThreatCells } from './perpetrator-queries.ts';
import type { NotesAccess } from './readable-notes.ts';
import { proposeThreatsFromData, type ThreatProposals } from './threat-proposals.ts';
import { trendWindow } from './trend.ts';

type ProposeOptions = AnalysisScope & {
  from?: string;
  to?: string;
  limit?: number;
  trendMonths?: number;
  notesAccess?: NotesAccess;
  /** The events the requester may not read in full: counted under "(withheld)". */
  hidden?: HiddenEvents;
};

/**
 * The threat proposals alone (what `runJointAnalysis` puts under `threats`), for the threat
 * register commands: from actor_counts in the scope and period, overlaid with the register.
 */
export async function proposeThreats(db: Kysely<Database>, options: ProposeOptions): Promise<Threat[]> {
  return (await proposeThreatList(db, options)).threats;
}

/** The same, with how many threats the data suggest in all and those the bounded list left out. */
export async function proposeThreatList(
  db: Kysely<Database>,
  options: ProposeOptions,
): Promise<ThreatProposals> {
  const scope: AnalysisScope = { country: options.country, admin1: options.admin1 };
  const { from, to } = await periodOfScope(db, scope, options);
  const firstMonth = from.slice(0, 7);
  const lastMonth = to.slice(0, 7);
  const months = monthRange(firstMonth, lastMonth);
  const trendMonths = options.trendMonths ?? DEFAULTS.trendMonths;
  const { recentStart, previousStart } = trendWindow(months, trendMonths);
  const [threatCells, register] = await Promise.all([
    readThreatCells(
      db,
      scope,
      { firstMonth, lastMonth, recentStart, previousStart },
      await readHiddenActorCounts(db, options.hidden, scope),
    ),
    readActorRegister(db),
  ]);
  return proposeThreatsFromData(db, threatCells, loadDriverTaxonomy(), register.state, {
    ...scope,
    from,
    to,
    window: { firstMonth, lastMonth, recentStart, previousStart },
    limit: options.limit ?? DEFAULTS.threatLimit,
    evidenceLimit: DEFAULTS.evidenceLimit,
    notesAccess: options.notesAccess,
    hidden: options.hidden,
  });
}
