import type { Kysely } from 'kysely';
import type { DriverTaxonomy } from '../domain/driver.ts';
import { type Threat, type ThreatLevel, type ThreatTrend, threatKey } from '../domain/threat.ts';
import type { ViolenceType } from '../domain/violence-type.ts';
import type { Database } from '../store/schema.ts';
import { type NotesAccess, readableNotes, readEvidence, type ThreatCell } from './analysis-queries.ts';
import { compileDriverRules } from './driver-rules.ts';
import { findDriverTags } from './driver-tag-repository.ts';
import { findThreats } from './threat-repository.ts';
import { trendOf } from './trend.ts';

export interface ThreatProposalOptions {
  country?: string;
  admin1?: string;
  from: string;
  to: string;
  lastMonth: string;
  recentStart: string;
  limit: number;
  evidenceLimit: number;
  notesAccess?: NotesAccess;
}

/**
 * Likelihood from how often the perpetrator struck civilians in the area in the last months
 * (events per month), on the handbook's four steps.
 */
export function likelihoodOf(recentEvents: number, recentMonths: number): ThreatLevel {
  const perMonth = recentEvents / Math.max(1, recentMonths);
  if (perMonth >= 4) return 'very-high';
  if (perMonth >= 1) return 'high';
  if (recentEvents >= 2) return 'medium';
  return 'low';
}

/** Severity from deaths: per event and in total over the period. */
export function severityOf(fatalities: number, events: number): ThreatLevel {
  const perEvent = events ? fatalities / events : 0;
  if (perEvent >= 10 || fatalities >= 250) return 'very-high';
  if (perEvent >= 3 || fatalities >= 50) return 'high';
  if (perEvent >= 1 || fatalities >= 10) return 'medium';
  return 'low';
}

function threatTrend(recent: number, previous: number): ThreatTrend {
  const t = trendOf(recent, previous);
  return t === 'none' ? 'stable' : t;
}

/**
 * Proposes threats to civilians from the data: each perpetrator × area × violence type with
 * events that targeted civilians in the period (threat cells from actor_counts), the largest `limit`,
 * with likelihood, severity, trend, the latest linked events, the targeted population (the
 * commonest second actor of those events) and the drivers their notes suggest or analysts tagged
 * in the area. Threats already in the register replace the proposal's judgement (likelihood,
 * severity, trend, status, drivers, note) while the data figures stay current; register entries
 * with no matching proposal are listed as they are.
 */
export async function proposeThreatsFromData(
  db: Kysely<Database>,
  threatCells: readonly ThreatCell[],
  taxonomy: DriverTaxonomy,
  stateActors: ReadonlySet<string>,
  o: ThreatProposalOptions,
): Promise<Threat[]> {
  const top = threatCells
    .filter((g) => g.events > 0)
    .sort(
      (a, b) =>
        b.events - a.events ||
        b.fatalities - a.fatalities ||
        a.actor.localeCompare(b.actor) ||
        a.admin1.localeCompare(b.admin1) ||
        a.violenceType.localeCompare(b.violenceType),
    )
    .slice(0, o.limit);
  const matcher = compileDriverRules(taxonomy);
  const recentMonths = monthsBetween(o.recentStart, o.lastMonth);
  const areaTags = await findDriverTags(db, { country: o.country, admin1: o.admin1 });
  const proposals = await Promise.all(
    top.map(async (g): Promise<Threat> => {
      const linked = await readEvidence(db, {
        country: g.country,
        admin1: g.admin1,
        actor: g.actor,
        actorAsPerpetrator: true,
        from: o.from,
        to: o.to,
        violenceTypes: [g.violenceType],
        civilianTargeting: true,
        limit: o.evidenceLimit,
        // The latest events, which an index on (country, actor1, admin1, date) finds at once; the
        // most lethal would need every event of the threat sorted.
        order: 'recent',
        withNotes: true,
      });
      const targets = new Map<string, number>();
      const driverCounts = new Map<string, number>();
      const notes = await readableNotes(linked, o.notesAccess);
      for (const [i, e] of linked.entries()) {
        const t = e.actor2 || 'Civilians';
        targets.set(t, (targets.get(t) ?? 0) + 1);
        for (const s of matcher.suggest(notes[i]!))
          driverCounts.set(s.driver, (driverCounts.get(s.driver) ?? 0) + 1);
      }
      const ids = new Set(linked.map((e) => e.id));
      for (const t of areaTags) {
        if ((t.eventId !== null && ids.has(t.eventId)) || (t.eventId === null && t.admin1 === g.admin1))
          driverCounts.set(t.driver, (driverCounts.get(t.driver) ?? 0) + linked.length);
      }
      const needed = Math.max(1, Math.ceil(linked.length / 4));
      const drivers = [...driverCounts]
        .filter(([, n]) => n >= needed)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([d]) => d);
      const target =
        [...targets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'Civilians';
      return {
        id: null,
        perpetrator: g.actor,
        perpetratorCategory: g.actorCategory || null,
        isState: g.actorCategory === 'state-forces' || stateActors.has(g.actor),
        targetedPopulation: target,
        violenceType: g.violenceType as ViolenceType,
        country: g.country,
        admin1: g.admin1,
        likelihood: likelihoodOf(g.recent, recentMonths),
        severity: severityOf(g.fatalities, g.events),
        trend: threatTrend(g.recent, g.previous),
        status: 'proposed',
        events: linked.map((e) => e.id),
        eventCount: g.events,
        fatalities: g.fatalities,
        drivers,
        note: '',
        updatedBy: null,
        updatedAt: null,
      };
    }),
  );
  const stored = await findThreats(db, { country: o.country, admin1: o.admin1 });
  const storedByKey = new Map(stored.map((t) => [threatKey(t), t]));
  const out: Threat[] = [];
  for (const p of proposals) {
    const s = storedByKey.get(threatKey(p));
    if (s) {
      storedByKey.delete(threatKey(p));
      out.push({
        ...p,
        id: s.id,
        likelihood: s.likelihood,
        severity: s.severity,
        trend: s.trend,
        status: s.status,
        drivers: s.drivers,
        note: s.note,
        updatedBy: s.updatedBy,
        updatedAt: s.updatedAt,
      });
    } else out.push(p);
  }
  out.push(...storedByKey.values());
  return out;
}

function monthsBetween(first: string, last: string): number {
  return (
    (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(first.slice(5, 7)) +
    1
  );
}
