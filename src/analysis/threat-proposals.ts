import type { Kysely } from 'kysely';
import type { DriverTaxonomy } from '../domain/driver.ts';
import type { HarmKind } from '../domain/harm-kind.ts';
import {
  oneCellPerThreat,
  type Threat,
  type ThreatCell,
  type ThreatLevel,
  type ThreatTrend,
  threatKey,
} from '../domain/threat.ts';
import type { ViolenceType } from '../domain/violence-type.ts';
import type { Database } from '../store/schema.ts';
import { actorNameMask } from './actor-name-mask.ts';
import { compileDriverRules } from './driver-rules.ts';
import { findDriverTags } from './driver-tag-repository.ts';
import { readEvidence } from './evidence-events.ts';
import { type NotesAccess, readableNotes } from './readable-notes.ts';
import { findThreats } from './threat-repository.ts';
import { readTargetedGroups, type ThreatWindow } from './threat-targets.ts';
import { trendOf } from './trend.ts';

export interface ThreatProposalOptions {
  country?: string;
  admin1?: string;
  from: string;
  to: string;
  window: ThreatWindow;
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

/**
 * Severity from deaths (per event and in total over the period) and from the kind of harm: sexual
 * violence, abduction, child recruitment and attacks on aid workers or peacekeepers are serious by
 * nature, so a threat with such events is at least high whatever its deaths (docs/threat-severity.md).
 */
export function severityOf(
  fatalities: number,
  events: number,
  harmKinds: readonly HarmKind[] = [],
): ThreatLevel {
  const perEvent = events ? fatalities / events : 0;
  if (perEvent >= 10 || fatalities >= 250) return 'very-high';
  if (perEvent >= 3 || fatalities >= 50 || harmKinds.length > 0) return 'high';
  if (perEvent >= 1 || fatalities >= 10) return 'medium';
  return 'low';
}

function threatTrend(recent: number, previous: number, before: number): ThreatTrend {
  const t = trendOf(recent, previous, before);
  return t === 'none' ? 'stable' : t;
}

/**
 * Proposes threats to civilians from the data: each perpetrator × area × violence type with
 * events that targeted civilians in the period (threat cells from actor_counts), the largest `limit`,
 * each split by the group harmed (threat-targets.ts: the group as the source names it, or "Civilians
 * (Country)" where it names none), and of those the largest `limit` again (a bounded list, the
 * most frequent first), each with likelihood, severity, trend, the latest linked events and the
 * drivers their notes suggest or analysts tagged in the area. Threats already in the register replace the proposal's judgement (likelihood,
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
  // One threat per perpetrator, area and violence type, whatever categories its events name.
  const top = oneCellPerThreat(threatCells)
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
  const w = o.window;
  const split = (
    await Promise.all(
      top.map(async (cell) => (await readTargetedGroups(db, cell, w)).map((target) => ({ cell, target }))),
    )
  )
    .flat()
    .sort(
      (a, b) =>
        b.target.events - a.target.events ||
        b.target.fatalities - a.target.fatalities ||
        a.cell.actor.localeCompare(b.cell.actor) ||
        a.cell.admin1.localeCompare(b.cell.admin1) ||
        a.cell.violenceType.localeCompare(b.cell.violenceType) ||
        a.target.group.localeCompare(b.target.group),
    )
    .slice(0, o.limit);
  const matcher = compileDriverRules(taxonomy);
  const recentMonths = monthsBetween(w.recentStart, w.lastMonth);
  const areaTags = await findDriverTags(db, { country: o.country, admin1: o.admin1 });
  const linkedOf = await Promise.all(
    split.map(({ cell: g, target: t }) =>
      readEvidence(db, {
        country: g.country,
        admin1: g.admin1,
        actor: g.actor,
        actorAsPerpetrator: true,
        from: o.from,
        to: o.to,
        violenceTypes: [g.violenceType],
        civilianTargeting: true,
        target: t,
        limit: o.evidenceLimit,
        // The latest events, which an index on (country, actor1, admin1, date) finds at once; the
        // most lethal would need every event of the threat sorted.
        order: 'recent',
        withNotes: true,
      }),
    ),
  );
  // Actors' names in the notes suggest no driver (actor-name-mask.ts).
  const names = await actorNameMask(db, matcher);
  const proposals = await Promise.all(
    split.map(async ({ cell: g, target: t }, i): Promise<Threat> => {
      const linked = linkedOf[i]!;
      const driverCounts = new Map<string, number>();
      const notes = await readableNotes(linked, o.notesAccess);
      for (const note of notes) {
        for (const s of matcher.suggest(note, names))
          driverCounts.set(s.driver, (driverCounts.get(s.driver) ?? 0) + 1);
      }
      const ids = new Set(linked.map((e) => e.id));
      for (const tag of areaTags) {
        if (
          (tag.eventId !== null && ids.has(tag.eventId)) ||
          (tag.eventId === null && tag.admin1 === g.admin1)
        )
          driverCounts.set(tag.driver, (driverCounts.get(tag.driver) ?? 0) + linked.length);
      }
      const needed = Math.max(1, Math.ceil(linked.length / 4));
      const drivers = [...driverCounts]
        .filter(([, n]) => n >= needed)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([d]) => d);
      return {
        id: null,
        perpetrator: g.actor,
        perpetratorCategory: g.actorCategory || null,
        isState: g.actorCategory === 'state-forces' || stateActors.has(g.actor),
        targetedPopulation: t.group,
        violenceType: g.violenceType as ViolenceType,
        country: g.country,
        admin1: g.admin1,
        likelihood: likelihoodOf(t.recent, recentMonths),
        severity: severityOf(t.fatalities, t.events, t.harmKinds),
        harmKinds: t.harmKinds,
        trend: threatTrend(t.recent, t.previous, t.before),
        status: 'proposed',
        events: linked.map((e) => e.id),
        eventCount: t.events,
        fatalities: t.fatalities,
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
