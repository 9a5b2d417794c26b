import type { Selectable } from 'kysely';
import type { NotesAccess } from '../analysis/readable-notes.ts';
import { replaceNames } from '../domain/replace-names.ts';
import { clearanceOf, SENSITIVITY_LEVELS, type Sensitivity, sensitivityRank } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { wholeWordSource } from '../domain/whole-word.ts';
import { appendAudit } from '../security/audit-chain.ts';
import type { StoredEvent } from '../store/event-repository.ts';
import {
  addSummaryCounts,
  type Summary,
  type SummaryDimension,
  type SummaryFilter,
  type SummaryRow,
  summarizeEventsOf,
  summaryRowKey,
} from '../store/event-summary.ts';
import type { IncidentTable } from '../store/schema.ts';
import { actorsOnlyAbove } from '../store/withheld-actor-names.ts';
import { openIncidentFields, PROTECTED_INCIDENT_FIELDS } from './incident-columns.ts';
import type { ReleasedIncident } from './incident-operations.ts';
import type { AppContext, Requester } from './operation.ts';

/**
 * The one place that decides who sees what. A requester's roles give a clearance; a record above
 * it is released with what could identify people or places removed, never silently dropped, so
 * counts stay true. What is removed: the notes, the source text, the place name, the coordinates,
 * the admin-2 area and the actors' names (their categories stay). In a small place a district and
 * a perpetrator's name are enough to find a victim or a witness; the country, the admin-1 area, the
 * date, the kind of violence, the actor categories and the death counts are what analysis needs
 * and stay. Every release of a record that is not public, granted in full or withheld, is written
 * to the access log.
 */
export function canRead(requester: Requester, sensitivity: Sensitivity | string): boolean {
  return sensitivityRank(sensitivity) <= sensitivityRank(clearanceOf(requester.roles));
}

/** The office that stands for every office: its members read any office's records. */
export const ALL_OFFICES = 'all-offices';

/**
 * Need-to-know: whether a requester may read a record in full. Its clearance must cover the
 * record's sensitivity and, for a non-public record that belongs to a field office, the requester
 * must belong to that office (or to all offices). The person at the terminal, whose requester
 * names no offices, reads any office's records: whoever can open the database file can.
 */
export function mayReadInFull(
  requester: Requester,
  record: { sensitivity: Sensitivity | string; office?: string | null },
): boolean {
  if (!canRead(requester, record.sensitivity)) return false;
  if (record.sensitivity === 'public' || !record.office || requester.offices === undefined) return true;
  return requester.offices.includes(ALL_OFFICES) || requester.offices.includes(record.office);
}

/**
 * The local processes a requester may know of: a public one to all; one above public only to
 * those who may read it in full (cleared for its level and, when a field office follows it, of
 * that office), as for incidents. The others are left out, not blanked: a process's name, place
 * and parties are what would give it away. Every non-public one, released or left out, is written
 * to the audit chain with what it was read for; `withheld` counts those left out, so a total can
 * say that some exist.
 */
export async function releaseLocalProcesses<P extends { id: string; sensitivity: string; office: string }>(
  ctx: AppContext,
  processes: readonly P[],
  purpose: string,
): Promise<{ released: P[]; withheld: number }> {
  const reads: { id: string; sensitivity: string; granted: boolean }[] = [];
  const released = processes.filter((p) => {
    if (p.sensitivity === 'public') return true;
    const granted = mayReadInFull(ctx.requester, { sensitivity: p.sensitivity, office: p.office || null });
    reads.push({ id: p.id, sensitivity: p.sensitivity, granted });
    return granted;
  });
  await logReads(ctx, 'local-process', reads, purpose);
  return { released, withheld: processes.length - released.length };
}

/** Refuses a record for an office the person recording it does not belong to. */
export function assertOwnOffice(requester: Requester, office: string): void {
  const offices = requester.offices;
  if (offices === undefined || offices.includes(ALL_OFFICES) || offices.includes(office)) return;
  throw new TandemError(
    'bad-input',
    `office: ${requester.name} reports for ${offices.length ? offices.join(', ') : 'no office'}, not "${office}"`,
    { details: { issues: [{ path: 'office', message: 'not one of your offices' }] } },
  );
}

export const REDACTED = '[withheld: above your clearance]';
/** The key under which a summary counts what it may not name for this requester. */
export const WITHHELD_KEY = '(withheld)';

/** The sensitivity levels above the requester's clearance: what it may count but not read. */
export function levelsAbove(requester: Requester): Sensitivity[] {
  return SENSITIVITY_LEVELS.filter((l) => !canRead(requester, l));
}

/** The sensitivity levels within the requester's clearance: the records it may read in full. */
export function readableLevels(requester: Requester): Sensitivity[] {
  return SENSITIVITY_LEVELS.filter((l) => canRead(requester, l));
}

/** Roles that may read but not change the store. */
export const READ_ONLY_ROLES: readonly string[] = ['viewer'];

/** Whether the requester may change the store: some role of theirs is not read-only. */
export function mayWrite(requester: Requester): boolean {
  return requester.roles.some((r) => !READ_ONLY_ROLES.includes(r));
}

/** Refuses a change to the store to a requester whose every role is read-only. */
export function assertMayWrite(requester: Requester, what: string): void {
  if (mayWrite(requester)) return;
  throw new TandemError(
    'forbidden',
    `${requester.name} may read but not change the store (roles: ${requester.roles.join(', ') || 'none'}): ${what}`,
  );
}

/** Refuses an operation to a requester not cleared for `level` (the access log, for instance). */
export function assertClearance(requester: Requester, level: Sensitivity, what: string): void {
  if (canRead(requester, level)) return;
  throw new TandemError('forbidden', `${what}: this is for those cleared for ${level} records`);
}

/** Events as the requester may see them, with the reads of sensitive ones logged. */
export async function releaseEvents(
  ctx: AppContext,
  events: StoredEvent[],
  action = 'read',
): Promise<StoredEvent[]> {
  return releaseEach(ctx, 'event', events, action, (e) => canRead(ctx.requester, e.sensitivity), withheld);
}

/**
 * Records of one kind as released: a public one as it is; any other whole where `mayRead` grants
 * it and as `redact` makes it where not, each such release written to the audit chain.
 */
async function releaseEach<R extends { id: number | string; sensitivity: string }>(
  ctx: AppContext,
  kind: string,
  records: readonly R[],
  purpose: string,
  mayRead: (r: R) => boolean,
  redact: (r: R) => R,
): Promise<R[]> {
  const log: { id: number | string; sensitivity: string; granted: boolean }[] = [];
  const out = records.map((r) => {
    if (r.sensitivity === 'public') return r;
    const granted = mayRead(r);
    log.push({ id: r.id, sensitivity: r.sensitivity, granted });
    return granted ? r : redact(r);
  });
  await logReads(ctx, kind, log, purpose);
  return out;
}

/** Writes reads of non-public events to the access log: who, when, what for, and whether granted. */
export function logEventReads(
  ctx: AppContext,
  reads: readonly { id: number; sensitivity: string; granted: boolean }[],
  action: string,
): Promise<void> {
  return logReads(ctx, 'event', reads, action);
}

/**
 * Writes releases of non-public records of one kind to the audit chain (security/audit-chain.ts):
 * who, when, which record, at what level, whether released in full or withheld, and what for.
 */
export async function logReads(
  ctx: AppContext,
  kind: string,
  reads: readonly { id: number | string; sensitivity: string; granted: boolean }[],
  purpose: string,
): Promise<void> {
  await appendAudit(
    ctx.store.db,
    reads.map((r) => ({
      actor: ctx.requester.name,
      action: r.granted ? 'released' : 'withheld',
      recordKind: kind,
      recordId: String(r.id),
      sensitivity: r.sensitivity,
      detail: { purpose },
    })),
  );
}

/** An event as released to someone above whose clearance it is. */
function withheld(e: StoredEvent): StoredEvent {
  return {
    ...e,
    notes: REDACTED,
    sourceText: REDACTED,
    location: '',
    admin2: '',
    latitude: null,
    longitude: null,
    actor1: e.actor1 ? WITHHELD_KEY : '',
    actor2: e.actor2 ? WITHHELD_KEY : '',
  };
}

/**
 * Events as an export carries them out of Tandem (CSV, HXL, GeoJSON, files that travel): a record
 * the requester may read in full goes whole; one beyond their reach (above their clearance, or an
 * incident of the mission's own from an office they do not belong to) goes as counts. It keeps when,
 * the country, the admin-1 area, the kind of violence, the actor categories and the deaths; its
 * place is coarsened to its admin-2 area with no point, or, where no admin-2 area is known, to a
 * point rounded to 0.1° (about 11 km); its notes, source, place name and actors' names are never
 * written. Every release of a non-public record, whole or as counts, is audited as an export.
 */
export async function releaseForExport(ctx: AppContext, events: StoredEvent[]): Promise<StoredEvent[]> {
  const offices = await incidentOffices(ctx, events);
  const officeOf = (e: StoredEvent) =>
    e.source === 'mission' ? (offices.get(e.sourceEventId) ?? null) : null;
  const mayRead = (e: StoredEvent) =>
    mayReadInFull(ctx.requester, { sensitivity: e.sensitivity, office: officeOf(e) });
  return releaseEach(ctx, 'event', events, 'export', mayRead, asCounts);
}

/** The office of each incident of the mission's own among `events`, by the event's source id. */
async function incidentOffices(ctx: AppContext, events: StoredEvent[]): Promise<Map<string, string>> {
  const ids = events
    .filter((e) => e.source === 'mission' && e.sensitivity !== 'public')
    .map((e) => Number(e.sourceEventId))
    .filter(Number.isInteger);
  if (!ids.length) return new Map();
  const rows = await ctx.store.db
    .selectFrom('incidents')
    .select(['id', 'office'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [String(r.id), r.office]));
}

/** An event reduced to its counts, its place coarsened (see releaseForExport). */
function asCounts(e: StoredEvent): StoredEvent {
  const coarse = (v: number | null) => (v === null || e.admin2 ? null : Math.round(v * 10) / 10);
  return {
    ...withheld(e),
    admin2: e.admin2,
    latitude: coarse(e.latitude),
    longitude: coarse(e.longitude),
    geoPrecision: 3,
  };
}

/** Summary dimensions that name what can identify people (see the rule at the top). */
const IDENTIFYING: readonly SummaryDimension[] = ['admin2'];

/**
 * A summary as the requester may see it: where it is grouped by a dimension that can identify
 * people (admin-2), the events above the requester's clearance are taken out of their named rows
 * and counted together under "(withheld)", so totals stay true and no district is named for them.
 */
export async function releaseSummary<S extends Summary & { thenBy?: SummaryDimension }>(
  ctx: AppContext,
  summary: S,
  filter: SummaryFilter,
): Promise<S> {
  const names = IDENTIFYING.includes(summary.by) || (summary.thenBy && IDENTIFYING.includes(summary.thenBy));
  const above = levelsAbove(ctx.requester);
  if (!names || !above.length) return summary;
  const hidden = await summarizeEventsOf(ctx.store.db, above, summary.by, filter, summary.thenBy);
  if (!hidden.length) return summary;
  const rows = new Map(summary.rows.map((r) => [summaryRowKey(r), { ...r }]));
  const keyOf = (dim: SummaryDimension | undefined, v: string | undefined) =>
    dim && IDENTIFYING.includes(dim) ? WITHHELD_KEY : v;
  for (const h of hidden) {
    const named = rows.get(summaryRowKey(h));
    if (named) addSummaryCounts(named, h, -1);
    const w: SummaryRow = { ...h, key: keyOf(summary.by, h.key) ?? '', key2: keyOf(summary.thenBy, h.key2) };
    if (!summary.thenBy) delete w.key2;
    const into = rows.get(summaryRowKey(w));
    if (into) addSummaryCounts(into, w, 1);
    else rows.set(summaryRowKey(w), { ...w });
  }
  return { ...summary, rows: [...rows.values()].filter((r) => r.events > 0) };
}

/**
 * Which events the map may draw as points. Points are cached and shared between everyone of a
 * clearance and carry coordinates, so only public events are drawn; a sensitive event is counted
 * in the map's total but never placed on it.
 */
export const MAP_POINT_LEVELS: readonly Sensitivity[] = ['public'];

/**
 * The requester's access to event notes for the analysis: a note is read (for driver suggestions)
 * only where the requester's clearance covers it, and every read of a non-public note is logged.
 */
export function notesAccess(ctx: AppContext, action: string): NotesAccess {
  return {
    canRead: (s) => canRead(ctx.requester, s),
    logRead: (events) =>
      logEventReads(
        ctx,
        events.map((e) => ({ ...e, granted: true })),
        action,
      ),
  };
}

/** A row set aside at import, with the raw text that may name people. */
export interface SetAsideRow {
  id: number;
  raw: string | null;
  sensitivity: string;
}

/**
 * Rows set aside at import as the requester may see them: a row carries the highest sensitivity
 * its source id has held, and above the requester's clearance its raw text is withheld (where,
 * and why it was set aside, stay). Every release of a non-public row is logged, as for events.
 */
export function releaseSetAside<P extends SetAsideRow>(ctx: AppContext, rows: P[]): Promise<P[]> {
  const mayRead = (p: P) => canRead(ctx.requester, p.sensitivity);
  return releaseEach(ctx, 'problem', rows, 'read', mayRead, (p) => ({ ...p, raw: REDACTED }));
}

/**
 * A result with the names of actors known only from records above the requester's clearance
 * replaced by "(withheld)", wherever they appear in it (perpetrator tables, threats, alerts, the
 * brief). A name that public records also carry is public already and stays. Counts are not
 * changed: a withheld actor's events are still counted, under the withheld name.
 */
export async function releaseActorNames<T>(ctx: AppContext, result: T): Promise<T> {
  const above = levelsAbove(ctx.requester);
  if (!above.length) return result;
  const candidates = await actorsOnlyAbove(ctx.store.db, above);
  if (!candidates.size) return result;
  return replaceNames(result, candidates, WITHHELD_KEY);
}

/**
 * The narrowest admin areas of each level Tandem meets, in km (measured on the samples; see
 * docs/exports.md): a blur coarser than this makes the area's name a finer pointer than the cell.
 */
export const ADMIN_AREA_WIDTH_KM = { admin2: 25, admin1: 100 } as const;

/**
 * Events coarsened for sharing outside the mission (`tandem export --blur KM`): every point moved
 * to the centre of a grid cell about `km` across, and nothing left that places the event more
 * finely than that cell. The place name goes; an admin area goes when it is narrower than the
 * cell (ADMIN_AREA_WIDTH_KM: admin-2 above 25 km, admin-1 above 100 km); the notes and the source
 * text go whole, as free text names villages, roads and camps that no rule can pick out; and a
 * place name dropped from the event is cut out of its actors' and targets' names too, as a whole
 * word ("Cueibet Communal Militia" for an event in Cueibet; not "Mabanese" for Maban). The country, dates, kinds of violence, actor
 * categories and counts stay.
 */
export function blurEvents(events: StoredEvent[], km: number): StoredEvent[] {
  return events.map((e) => blurredEvent(e, km));
}

function blurredEvent(e: StoredEvent, km: number): StoredEvent {
  const admin2 = km > ADMIN_AREA_WIDTH_KM.admin2 ? '' : e.admin2;
  const admin1 = km > ADMIN_AREA_WIDTH_KM.admin1 ? '' : e.admin1;
  const dropped = [e.location, e.admin2 && !admin2 ? e.admin2 : '', e.admin1 && !admin1 ? e.admin1 : '']
    .filter((n) => n.length > 2 && n !== e.country)
    .sort((a, b) => b.length - a.length)
    .map((n) => new RegExp(wholeWordSource(n), 'g'));
  const scrub = (name: string) => dropped.reduce((t, n) => t.replace(n, WITHHELD_KEY), name);
  return {
    ...e,
    ...blurredPoint(e, km),
    location: '',
    admin2,
    admin1,
    notes: '',
    sourceText: '',
    actor1: scrub(e.actor1),
    actor2: scrub(e.actor2),
    targets: e.targets.map(scrub),
  };
}

/** The centre of the grid cell about `km` across that holds the event's point, if it has one. */
function blurredPoint(
  e: StoredEvent,
  km: number,
): Pick<StoredEvent, 'latitude' | 'longitude' | 'geoPrecision'> | Record<string, never> {
  if (e.latitude === null || e.longitude === null) return {};
  const latStep = km / 111.32;
  const lat = (Math.floor(e.latitude / latStep) + 0.5) * latStep;
  const lonStep = km / (111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  const lon = (Math.floor(e.longitude / lonStep) + 0.5) * lonStep;
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return { latitude: round(lat), longitude: round(lon), geoPrecision: 3 };
}

/**
 * An incident as released to someone who may not read it in full (another office, or a clearance
 * below it): when, the country and admin-1 area, what happened, the counts, the perpetrator's
 * category, the grading and the verification. Never the narrative, the source, the place, the
 * coordinates, the admin-2 area, the perpetrator's name or the groups targeted.
 */
export function withheldIncident(
  r: Selectable<IncidentTable>,
): Omit<ReleasedIncident, 'id' | 'createdAt' | 'createdBy' | 'updatedAt'> {
  const { perpetratorCategory, ...fields } = openIncidentFields(r);
  return {
    ...fields,
    admin2: '',
    place: null,
    latitude: null,
    longitude: null,
    perpetrator: r.perpetrator || perpetratorCategory ? { name: '', category: perpetratorCategory } : null,
    targetedGroups: [],
    sourceType: null,
    narrative: null,
    withheld: true,
  };
}

/** Whether a change to this field of an incident is shown with its values to who may not read it in full. */
export function changeReleasedToAll(field: string): boolean {
  return !(PROTECTED_INCIDENT_FIELDS as readonly string[]).includes(field);
}

/**
 * Who may change an incident: someone who may write, and who may read it in full (cleared for its
 * sensitivity and of its office, or of all offices). Another office's analyst counts it but may
 * not rewrite what it cannot read.
 */
export function assertMayEditIncident(
  requester: Requester,
  record: { id: number; sensitivity: string; office: string },
): void {
  assertMayWrite(requester, `edit incident ${record.id}`);
  if (mayReadInFull(requester, record)) return;
  throw new TandemError(
    'forbidden',
    `${requester.name} may not edit incident ${record.id}: only those of office "${record.office}" cleared for ${record.sensitivity} records may`,
  );
}
