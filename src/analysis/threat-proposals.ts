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
import type { HiddenEvents } from '../store/hidden-records.ts';
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
  /**
   * The events the requester may not read in full: left out of a threat's split by group harmed,
   * as the cells' counts leave them out (a withheld group beside a named perpetrator tied the
   * perpetrator to the withheld incident; Somalia probe).
   */
  hidden?: HiddenEvents;
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

/** A threat the data suggest that the bounded list left out, described enough to look it up. */
export interface LeftOutThreat {
  perpetrator: string;
  /** Null when the threat's events were not split by group (`ThreatProposals.exact` false). */
  targetedPopulation: string | null;
  violenceType: ViolenceType;
  country: string;
  admin1: string;
  /** The proposal's severity and likelihood (an analyst's in the register replace them); null when not split. */
  severity: ThreatLevel | null;
  likelihood: ThreatLevel | null;
  events: number;
  fatalities: number;
}

/** The proposals and how many the data suggest in all, so a bounded list never hides what it left out. */
export interface ThreatProposals {
  /** The proposals listed (at most `limit`, the most severe first), then register entries with no proposal. */
  threats: Threat[];
  /** Threats the data suggest that the list shows, as a proposal or as their register entry. */
  shown: number;
  /** Threats the data suggest in the scope and period: shown and left out. */
  total: number;
  /**
   * False when some perpetrator × area × violence type cells were too many to split by targeted
   * group: each counts as one threat, so `total` is a minimum.
   */
  exact: boolean;
  /** The threats left out, in the order they would have come. */
  leftOut: LeftOutThreat[];
}

/** Cells split by targeted group, at least: beyond this many (and beyond `limit`) they are counted, not split. */
export const MIN_CELLS_SPLIT = 100;

const LEVEL_RANK: Record<ThreatLevel, number> = { low: 0, medium: 1, high: 2, 'very-high': 3 };

/**
 * A threat's place in the list: likelihood × severity, each 1–4, as the POC handbook's risk matrix
 * reads them and as the plan check ranks areas by the register; ties go to the more severe.
 */
function risk(t: { severity: ThreatLevel | null; likelihood: ThreatLevel | null }): number {
  return (LEVEL_RANK[t.severity ?? 'low'] + 1) * (LEVEL_RANK[t.likelihood ?? 'low'] + 1);
}

/**
 * Proposes threats to civilians from the data: each perpetrator × area × violence type with
 * events that targeted civilians in the period (threat cells from actor_counts), split by the
 * group harmed (threat-targets.ts: the group as the source names it, or "Civilians (Country)"
 * where it names none), each with likelihood, severity, trend, the latest linked events and the
 * drivers their notes suggest or analysts tagged in the area. The list is bounded to `limit`,
 * the most severe first (then the most likely, then the most frequent and the most lethal), the
 * severity and likelihood being an analyst's where the register holds the threat; what it leaves
 * out is counted and named (`ThreatProposals`), never dropped silently. Cells are split at most
 * `max(limit, MIN_CELLS_SPLIT)` of them, the most severe and frequent by their own figures
 * first; the rest are counted as one threat each. Threats already in the register replace the
 * proposal's judgement (likelihood, severity, trend, status, drivers, note) while the data figures
 * stay current; register entries with no matching proposal are listed as they are.
 */
export async function proposeThreatsFromData(
  db: Kysely<Database>,
  threatCells: readonly ThreatCell[],
  taxonomy: DriverTaxonomy,
  stateActors: ReadonlySet<string>,
  o: ThreatProposalOptions,
): Promise<ThreatProposals> {
  const w = o.window;
  const recentMonths = monthsBetween(w.recentStart, w.lastMonth);
  // One threat per perpetrator, area and violence type, whatever categories its events name; the
  // severest by the cell's own deaths first, so a massacre in a small cell is split, not counted.
  const cells = oneCellPerThreat(threatCells)
    .filter((g) => g.events > 0)
    .map((cell) => ({ cell, severity: LEVEL_RANK[severityOf(cell.fatalities, cell.events)] }))
    .sort(
      (a, b) =>
        b.severity - a.severity ||
        b.cell.events - a.cell.events ||
        b.cell.fatalities - a.cell.fatalities ||
        compareCells(a.cell, b.cell),
    )
    .map(({ cell }) => cell);
  const splitCount = Math.max(o.limit, MIN_CELLS_SPLIT);
  const unsplit = cells.slice(splitCount);
  const stored = await findThreats(db, { country: o.country, admin1: o.admin1 });
  // A key's first entry (findThreats lists them by id) stands for it. A later one of the same key (added by someone who may not
  // read the first in full: addThreat) is listed as an entry of its own, never in the first's
  // place: it took the first's place, rating and all, in everyone's list, and its coming and going
  // told its author that their guess matched a withheld entry (security probe).
  const storedByKey = new Map<string, Threat>();
  const laterEntries: Threat[] = [];
  for (const t of stored) {
    if (storedByKey.has(threatKey(t))) laterEntries.push(t);
    else storedByKey.set(threatKey(t), t);
  }
  // Each cell's groups, judged as the list will show them: the analyst's rating where the register
  // holds the threat, the proposal's otherwise.
  const ranked = (
    await Promise.all(
      cells.slice(0, splitCount).map(async (cell) =>
        (
          await readTargetedGroups(db, cell, { ...w, from: o.from, to: o.to }, o.hidden)
        )
          // A group harmed only on days of a cut month outside the period is not the period's threat.
          .filter((target) => target.events > 0)
          .map((target) => {
            const s = storedByKey.get(
              threatKey({
                perpetrator: cell.actor,
                targetedPopulation: target.group,
                violenceType: cell.violenceType as ViolenceType,
                country: cell.country,
                admin1: cell.admin1,
              }),
            );
            return {
              cell,
              target,
              inRegister: s !== undefined,
              severity: s?.severity ?? severityOf(target.fatalities, target.events, target.harmKinds),
              likelihood: s?.likelihood ?? likelihoodOf(target.recent, recentMonths),
            };
          }),
      ),
    )
  )
    .flat()
    .sort(
      (a, b) =>
        risk(b) - risk(a) ||
        LEVEL_RANK[b.severity] - LEVEL_RANK[a.severity] ||
        LEVEL_RANK[b.likelihood] - LEVEL_RANK[a.likelihood] ||
        b.target.events - a.target.events ||
        b.target.fatalities - a.target.fatalities ||
        compareCells(a.cell, b.cell) ||
        a.target.group.localeCompare(b.target.group),
    );
  const split = ranked.slice(0, o.limit);
  // A left-out threat the register holds is still listed, as its register entry.
  const leftOut: LeftOutThreat[] = [
    ...ranked
      .slice(o.limit)
      .filter((r) => !r.inRegister)
      .map(
        ({ cell, target, severity, likelihood }): LeftOutThreat => ({
          perpetrator: cell.actor,
          targetedPopulation: target.group,
          violenceType: cell.violenceType as ViolenceType,
          country: cell.country,
          admin1: cell.admin1,
          severity,
          likelihood,
          events: target.events,
          fatalities: target.fatalities,
        }),
      ),
    ...unsplit.map(
      (cell): LeftOutThreat => ({
        perpetrator: cell.actor,
        targetedPopulation: null,
        violenceType: cell.violenceType as ViolenceType,
        country: cell.country,
        admin1: cell.admin1,
        severity: null,
        likelihood: null,
        events: cell.events,
        fatalities: cell.fatalities,
      }),
    ),
  ];
  const total = ranked.length + unsplit.length;
  const matcher = compileDriverRules(taxonomy);
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
        trend: threatTrend(t.recent, t.previous, t.seenBefore ? 1 : 0),
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
  // Register entries whose proposal was left out, or that have none, take their place by their
  // rating: the whole list reads the most severe first.
  out.push(...storedByKey.values(), ...laterEntries);
  out.sort(
    (a, b) =>
      risk(b) - risk(a) ||
      LEVEL_RANK[b.severity] - LEVEL_RANK[a.severity] ||
      LEVEL_RANK[b.likelihood] - LEVEL_RANK[a.likelihood] ||
      b.eventCount - a.eventCount ||
      b.fatalities - a.fatalities,
  );
  return { threats: out, shown: total - leftOut.length, total, exact: unsplit.length === 0, leftOut };
}

function compareCells(a: ThreatCell, b: ThreatCell): number {
  return (
    a.actor.localeCompare(b.actor) ||
    a.admin1.localeCompare(b.admin1) ||
    a.violenceType.localeCompare(b.violenceType)
  );
}

function monthsBetween(first: string, last: string): number {
  return (
    (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(first.slice(5, 7)) +
    1
  );
}

/**
 * Whom each perpetrator harmed most: per perpetrator, the `limit` groups of its threats with the
 * most events, over every threat the data suggest, listed or left out of the bounded list (a
 * threat not split by group names none).
 */
export function harmedMost(p: ThreatProposals, limit: number): Map<string, string[]> {
  const harmed = new Map<string, Map<string, number>>();
  const add = (actor: string, group: string | null, events: number) => {
    if (group === null) return;
    const m = harmed.get(actor) ?? new Map<string, number>();
    m.set(group, (m.get(group) ?? 0) + events);
    harmed.set(actor, m);
  };
  for (const t of p.threats) add(t.perpetrator, t.targetedPopulation, t.eventCount);
  for (const t of p.leftOut) add(t.perpetrator, t.targetedPopulation, t.events);
  const out = new Map<string, string[]>();
  for (const [actor, groups] of harmed)
    out.set(
      actor,
      [...groups]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([g]) => g),
    );
  return out;
}
