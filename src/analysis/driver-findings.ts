import type { Kysely } from 'kysely';
import { type DriverTag, type DriverTaxonomy, isJointTag } from '../domain/driver.ts';
import type { Database } from '../store/schema.ts';
import { actorNameMask } from './actor-name-mask.ts';
import { compileDriverRules } from './driver-rules.ts';
import { findDriverTags } from './driver-tag-repository.ts';
import { readEvidence } from './evidence-events.ts';
import { type NotesAccess, readableNotes } from './readable-notes.ts';

/** One piece of evidence for a driver: an event whose note fired a rule, or an analyst's tag. */
export interface DriverEvidence {
  kind: 'suggestion' | 'tag';
  eventId: number | null;
  sourceEventId: string | null;
  date: string | null;
  admin1: string;
  /** For suggestions: the words that fired. */
  fired?: string[];
  /** For tags: the tag id, who made it and who confirmed it. */
  tagId?: number;
  analyst?: string;
  unit?: string;
  /** "analyst (unit)" for each confirmation, as written since the first version. */
  confirmedBy?: string[];
  /** The same confirmations with the unit as its key, for a reader in another language. */
  confirmations?: { analyst: string; unit: string }[];
  /** Analysts who dispute the tag, and why: while one does, it is not joint. */
  disputes?: { analyst: string; unit: string; reason: string }[];
  joint?: boolean;
}

export interface DriverFinding {
  driver: string;
  label: string;
  /** The French label, where the taxonomy gives one. */
  labelFr?: string;
  /** Distinct events linked to the driver: suggested in the sample or tagged. */
  events: number;
  suggestedEvents: number;
  taggedEvents: number;
  /** True once at least one tag of this driver in scope is confirmed by both units. */
  joint: boolean;
  jointTags: number;
  unconfirmedTags: number;
  /** Of the unconfirmed tags, those an analyst disputes. */
  disputedTags: number;
  evidence: DriverEvidence[];
}

export interface DriverSummaryOptions {
  country?: string;
  admin1?: string;
  from: string;
  to: string;
  sample: number;
  evidenceLimit: number;
  notesAccess?: NotesAccess;
}

/**
 * Drivers of violence in a scope: the taxonomy's rules run over the notes of the most recent
 * `sample` events of the period (bounded, so a million-event store costs the same as a small one),
 * actors' names in them left out (actor-name-mask.ts),
 * and the analysts' tags in the scope, joint tags (confirmed by a POC and a political analyst)
 * counted apart from unconfirmed ones. Every driver of the taxonomy is listed, even with nothing.
 */
export async function summariseDrivers(
  db: Kysely<Database>,
  taxonomy: DriverTaxonomy,
  o: DriverSummaryOptions,
): Promise<{ findings: DriverFinding[]; sampled: number }> {
  const matcher = compileDriverRules(taxonomy);
  const sample = await readEvidence(db, {
    country: o.country,
    admin1: o.admin1,
    from: o.from,
    to: o.to,
    limit: o.sample,
    order: 'recent',
    withNotes: true,
  });
  const tags: DriverTag[] = await findDriverTags(db, { country: o.country, admin1: o.admin1 });
  const findings = new Map<
    string,
    DriverFinding & { eventSet: Set<number>; suggested: Set<number>; tagged: Set<number> }
  >();
  for (const d of taxonomy.drivers) {
    findings.set(d.key, {
      driver: d.key,
      label: d.label,
      ...(d.labelFr ? { labelFr: d.labelFr } : {}),
      events: 0,
      suggestedEvents: 0,
      taggedEvents: 0,
      joint: false,
      jointTags: 0,
      unconfirmedTags: 0,
      disputedTags: 0,
      evidence: [],
      eventSet: new Set(),
      suggested: new Set(),
      tagged: new Set(),
    });
  }
  // Tags first, so the evidence list leads with what analysts said.
  for (const t of tags) {
    const f = findings.get(t.driver);
    if (!f) continue; // a driver removed from the taxonomy: its tags stay in the store, unlisted here
    const joint = isJointTag(t);
    if (joint) f.jointTags++;
    else f.unconfirmedTags++;
    if (t.disputes.length) f.disputedTags++;
    if (t.eventId !== null) {
      f.tagged.add(t.eventId);
      f.eventSet.add(t.eventId);
    }
    if (f.evidence.length < o.evidenceLimit)
      f.evidence.push({
        kind: 'tag',
        eventId: t.eventId,
        sourceEventId: null,
        date: t.createdAt.slice(0, 10),
        admin1: t.admin1,
        tagId: t.id,
        analyst: t.analyst,
        unit: t.unit,
        confirmedBy: t.confirmations.map((c) => `${c.analyst} (${c.unit})`),
        confirmations: t.confirmations.map((c) => ({ analyst: c.analyst, unit: c.unit })),
        ...(t.disputes.length
          ? { disputes: t.disputes.map((d) => ({ analyst: d.analyst, unit: d.unit, reason: d.reason })) }
          : {}),
        joint,
      });
  }
  const notes = await readableNotes(sample, o.notesAccess);
  // Actors' names in the notes suggest no driver (actor-name-mask.ts).
  const names = await actorNameMask(db, matcher);
  for (const [i, e] of sample.entries()) {
    for (const s of matcher.suggest(notes[i]!, names)) {
      const f = findings.get(s.driver)!;
      f.suggested.add(e.id);
      f.eventSet.add(e.id);
      if (f.evidence.length < o.evidenceLimit)
        f.evidence.push({
          kind: 'suggestion',
          eventId: e.id,
          sourceEventId: e.sourceEventId,
          date: e.date,
          admin1: e.admin1,
          fired: s.fired,
        });
    }
  }
  const out: DriverFinding[] = [...findings.values()].map(({ eventSet, suggested, tagged, ...f }) => ({
    ...f,
    events: eventSet.size,
    suggestedEvents: suggested.size,
    taggedEvents: tagged.size,
    joint: f.jointTags > 0,
  }));
  out.sort(
    (a, b) => Number(b.joint) - Number(a.joint) || b.events - a.events || a.driver.localeCompare(b.driver),
  );
  return { findings: out, sampled: sample.length };
}
