import { basename } from 'node:path';
import type { Selectable } from 'kysely';
import type { NotesAccess } from '../analysis/readable-notes.ts';
import { replaceNames, unlinkWithheldHarm } from '../domain/replace-names.ts';
import {
  clearanceOf,
  isKnownRole,
  REDACTED,
  SENSITIVITY_LEVELS,
  type Sensitivity,
  sensitivityRank,
} from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { Threat } from '../domain/threat.ts';
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
import {
  type HiddenEvents,
  hiddenAmong,
  incidentsOutside,
  namesOnEvents,
  namesOnlyHidden,
  nonPublicAmong,
  officesOfIncidents,
  WITHHELD_KEY,
} from '../store/hidden-records.ts';
import type { IncidentTable } from '../store/schema.ts';
import { logEventReads, logNamesReleased, logReads, logSummaryRead } from './access-log.ts';
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

/**
 * Whose reads a requester may see in the access log: an administrator everyone's, released or
 * withheld; anyone else cleared for it only what was released to them in full. A withheld entry
 * names a record the reader was not shown, and whether it appears says if a guessed name is in it.
 */
export function accessLogReader(requester: Requester): { actor: string | null; actions: string[] } {
  if (requester.roles.includes('admin')) return { actor: null, actions: ['released', 'withheld'] };
  return { actor: requester.name, actions: ['released'] };
}

/**
 * An import's file as the requester may see it: the path on the machine to the person at the
 * terminal and to administrators, the file's name alone to anyone else (a server's folders say
 * whose files it holds and where; the uploads already record their own names).
 */
export function releaseImportPath(requester: Requester, path: string): string {
  if (requester.offices === undefined || requester.roles.includes('admin')) return path;
  return basename(path);
}

/** The key under which a summary counts what it may not name for this requester. */
export { REDACTED, WITHHELD_KEY };

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
  // Only a role Tandem knows may write: an unknown one (a misspelt "veiwer") reads as the least.
  return requester.roles.some((r) => isKnownRole(r) && !READ_ONLY_ROLES.includes(r));
}

/** Refuses a change to the store to a requester whose every role is read-only. */
export function assertMayWrite(requester: Requester, what: string): void {
  if (mayWrite(requester)) return;
  throw new TandemError(
    'forbidden',
    // What was refused, named by its first clause ("Record an incident in the mission's log"), not
    // by the operation's whole description.
    `${requester.name} may read but not change the store (roles: ${requester.roles.join(', ') || 'none'}): ${what.split(/: |\. | \(/)[0]}`,
  );
}

/** Refuses an operation to a requester not cleared for `level` (the access log, for instance). */
export function assertClearance(requester: Requester, level: Sensitivity, what: string): void {
  if (canRead(requester, level)) return;
  throw new TandemError('forbidden', `${what}: this is for those cleared for ${level} records`);
}

/** What decides whether an event may be read in full: its level, and whose incident it is. */
export type EventOrigin = { source: string; sourceEventId: string; sensitivity: string };

/** Events as the requester may see them, with the reads of sensitive ones logged. */
export async function releaseEvents(
  ctx: AppContext,
  events: StoredEvent[],
  action = 'read',
): Promise<StoredEvent[]> {
  return releaseEach(ctx, 'event', events, action, await eventReadRule(ctx, events), withheld);
}

/**
 * Whether the requester may read each of `events` in full: cleared for its level and, for an
 * incident of the mission's own, of the office that recorded it (need-to-know, as for incidents).
 */
export async function eventReadRule<E extends EventOrigin>(
  ctx: AppContext,
  events: E[],
): Promise<(e: E) => boolean> {
  const offices = await incidentOffices(ctx, events);
  const officeOf = (e: E) => (e.source === 'mission' ? (offices.get(e.sourceEventId) ?? null) : null);
  return (e) => mayReadInFull(ctx.requester, { sensitivity: e.sensitivity, office: officeOf(e) });
}

/** A read of a non-public record, for the audit chain: its level and whether it was released. */
export type RecordRead = { sensitivity: string; granted: boolean };

/**
 * An event a check cites near a place (the local-process check), as released to someone who may
 * not read it in full: its actors' names withheld, and no distance, which from several public
 * places would give its point away.
 */
export function withheldNearbyEvent<E extends { actor1: string; actor2: string; distanceKm: number | null }>(
  e: E,
): E {
  return {
    ...e,
    actor1: e.actor1 ? WITHHELD_KEY : '',
    actor2: e.actor2 ? WITHHELD_KEY : '',
    distanceKm: null,
  };
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

/**
 * An event as released to someone who may not read it in full. The groups it targeted go with the
 * actors' names ("Tesfay family" names a victim), and so do its event and sub-event types, which
 * a partner's sheet writes freely and GED fills with the conflict's name (its two sides); its
 * violence type says what kind of violence it was.
 */
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
    targets: e.targets.length ? [WITHHELD_KEY] : [],
    actor1Associated: e.actor1Associated?.length ? [WITHHELD_KEY] : [],
    actor2Associated: e.actor2Associated?.length ? [WITHHELD_KEY] : [],
    eventType: e.eventType ? WITHHELD_KEY : '',
    subEventType: e.subEventType ? WITHHELD_KEY : '',
  };
}

/**
 * Events as an export carries them out of Tandem (CSV, HXL, GeoJSON, files that travel): a record
 * the requester may read in full goes whole; one beyond their reach (above their clearance, or an
 * incident of the mission's own from an office they do not belong to) goes as counts. It keeps when,
 * the country, the admin-1 area, the kind of violence, the actor categories and the deaths; its
 * place is coarsened to its admin-2 area with no point, or, where no admin-2 area is known, to a
 * point rounded to 0.1° (about 11 km), and an incident of the mission's own to its admin-1 area;
 * its notes, source, place name and actors' names are never written. Every release of a non-public record, whole or as counts, is audited as an export.
 */
export async function releaseForExport(ctx: AppContext, events: StoredEvent[]): Promise<StoredEvent[]> {
  return releaseEach(ctx, 'event', events, 'export', await eventReadRule(ctx, events), asCounts);
}

/** The office of each incident of the mission's own among `events`, by the event's source id. */
function incidentOffices(ctx: AppContext, events: EventOrigin[]): Promise<Map<string, string>> {
  const ids = events
    .filter((e) => e.source === 'mission' && e.sensitivity !== 'public')
    .map((e) => Number(e.sourceEventId))
    .filter(Number.isInteger);
  return officesOfIncidents(ctx.store.db, ids);
}

/** An event reduced to its counts, its place coarsened (see releaseForExport). */
function asCounts(e: StoredEvent): StoredEvent {
  // An incident of the mission's own goes to its admin-1 area only, as the incident log releases
  // it: the log tells anyone its kind and its victims, and its date and admin-1 area join the two.
  if (e.source === 'mission')
    return { ...withheld(e), admin2: '', latitude: null, longitude: null, geoPrecision: 3 };
  const coarse = (v: number | null) => (v === null || e.admin2 ? null : Math.round(v * 10) / 10);
  return {
    ...withheld(e),
    admin2: e.admin2,
    latitude: coarse(e.latitude),
    longitude: coarse(e.longitude),
    geoPrecision: 3,
  };
}

/**
 * Summary dimensions that name what can identify people (see the rule at the top): the district,
 * and the group harmed ("Tesfay family" names a victim).
 */
const IDENTIFYING: readonly SummaryDimension[] = ['admin2', 'target'];

/**
 * A summary as the requester may see it: grouped by what can identify people (admin-2, the group
 * harmed), the events they may not read in full leave their named rows and count together under
 * "(withheld)", so totals stay true and no district or group is named for them.
 */
export async function releaseSummary<S extends Summary & { thenBy?: SummaryDimension }>(
  ctx: AppContext,
  summary: S,
  filter: SummaryFilter,
): Promise<S> {
  const names = IDENTIFYING.includes(summary.by) || (summary.thenBy && IDENTIFYING.includes(summary.thenBy));
  if (!names) return summary;
  const hiddenSet = await hiddenEvents(ctx);
  await logSummaryRead(ctx, [summary.by, summary.thenBy].filter(Boolean).join(','), filter, hiddenSet);
  const db = ctx.store.db;
  const hidden = await summarizeEventsOf(db, hiddenSet, summary.by, filter, summary.thenBy);
  if (!hidden.length) return summary;
  const rows = new Map(summary.rows.map((r) => [summaryRowKey(r), { ...r }]));
  for (const h of hidden) {
    const named = rows.get(summaryRowKey(h));
    if (named) addSummaryCounts(named, h, -1);
  }
  // An event naming two groups counts under each named group, but once under "(withheld)": the
  // count of its groups is not told either.
  const byTarget = summary.by === 'target' || summary.thenBy === 'target';
  const once = byTarget
    ? await summarizeEventsOf(db, hiddenSet, summary.by, filter, summary.thenBy, ['target'])
    : hidden;
  const keyOf = (dim: SummaryDimension | undefined, v: string | undefined) =>
    dim && IDENTIFYING.includes(dim) ? WITHHELD_KEY : v;
  for (const h of once) {
    const w: SummaryRow = { ...h, key: keyOf(summary.by, h.key) ?? '', key2: keyOf(summary.thenBy, h.key2) };
    if (!summary.thenBy) delete w.key2;
    const into = rows.get(summaryRowKey(w));
    if (into) addSummaryCounts(into, w, 1);
    else rows.set(summaryRowKey(w), { ...w });
  }
  return { ...summary, rows: [...rows.values()].filter((r) => r.events > 0) };
}

/**
 * Which events the map may draw as points (cached, shared by a clearance, with coordinates): only
 * public ones; a sensitive event is counted in the map's total but never placed on it.
 */
export const MAP_POINT_LEVELS: readonly Sensitivity[] = ['public'];

/** Event notes read for the analysis's driver suggestions: only those the requester may read, each non-public read logged. */
export function notesAccess(ctx: AppContext, action: string): NotesAccess {
  return {
    // The events' own rule (eventReadRule): another office's incident is not read on clearance alone.
    readRule: async (events) => {
      const rule = await eventReadRule(
        ctx,
        events.filter((e) => e.sensitivity !== 'public'),
      );
      return (e) => e.sensitivity === 'public' || rule(e);
    },
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
export function releaseSetAside<P extends SetAsideRow & { reason?: string }>(
  ctx: AppContext,
  rows: P[],
): Promise<P[]> {
  const mayRead = (p: P) => canRead(ctx.requester, p.sensitivity);
  // The reason quotes the cell it could not read ('fatalities "John" is not a whole number'): the
  // quoted value goes with the raw text, and the field and what was expected stay.
  const redact = (p: P): P => ({
    ...p,
    raw: REDACTED,
    ...(p.reason === undefined ? {} : { reason: p.reason.replace(/"[^"]*"/g, '"…"') }),
  });
  return releaseEach(ctx, 'problem', rows, 'read', mayRead, redact);
}

/**
 * A result with the names of actors, and of the groups they targeted, known only from records the
 * requester may not read in full (above their clearance, or another office's incidents) replaced
 * by "(withheld)" wherever they appear (perpetrator tables, threats, alerts, the brief), and the
 * perpetrators named beside such a group withheld too (unlinkWithheldHarm). A name that readable
 * records carry too is known already and stays. Counts are not changed. `hidden`, when the caller
 * has read it (hiddenEvents); `keep`, the reader's own identifiers ("A-FARDC") kept whole.
 */
export async function releaseActorNames<T>(
  ctx: AppContext,
  result: T,
  hidden?: HiddenEvents,
  purpose = 'names',
  keep: readonly string[] = [],
): Promise<T> {
  const known = hidden ?? (await hiddenEvents(ctx));
  const released = await withholdActorNames(ctx, result, known, keep);
  await logNamesReleased(ctx, released, known, purpose);
  return released;
}

/** releaseActorNames without the audit: for a caller that withholds more before it logs. */
async function withholdActorNames<T>(
  ctx: AppContext,
  result: T,
  hidden: HiddenEvents,
  keep: readonly string[] = [],
): Promise<T> {
  const candidates = await namesOnlyHidden(ctx.store.db, hidden);
  if (!candidates.size) return result;
  return unlinkWithheldHarm(replaceNames(result, candidates, WITHHELD_KEY, keep), WITHHELD_KEY);
}

/**
 * The names of actors, and of groups harmed, that only records the requester may not read in full
 * carry. A check of names the requester wrote (a plan's partners, a negotiation's parties) neither
 * finds nor suggests them, or its answer would confirm a name that is withheld. `hidden`, when
 * the caller has read it already (hiddenEvents).
 */
export async function namesWithheldFrom(
  ctx: AppContext,
  hidden?: HiddenEvents,
): Promise<ReadonlySet<string>> {
  return namesOnlyHidden(ctx.store.db, hidden ?? (await hiddenEvents(ctx)));
}

/**
 * Writes to the audit chain each of the events `cited` that is not public: released where the
 * requester may read it in full, withheld where not (a check that counted it without naming it).
 */
export async function logCitedEvents(
  ctx: AppContext,
  cited: readonly number[],
  purpose: string,
): Promise<void> {
  const sensitive = await nonPublicAmong(ctx.store.db, cited);
  if (!sensitive.length) return;
  const mayRead = await eventReadRule(ctx, sensitive);
  await logReads(
    ctx,
    'event',
    sensitive.map((e) => ({ id: e.id, sensitivity: e.sensitivity, granted: mayRead(e) })),
    purpose,
  );
}

/**
 * A plan check's findings as released: the names they took from the store were withheld as the
 * evidence was read (readPlanEvidence: a record the requester may not read in full counts with its
 * actors' names withheld; the register's state forces known only from such records are not
 * theirs), and the plan's own words, its ids and partners, go as written. Withholding those too
 * would answer a guess: an activity id written as a withheld name came back "(withheld)" (security
 * probe). Each cited event that is not public, and each name known only from non-public records
 * that the findings show, is logged (logCitedEvents, logNamesReleased).
 */
export async function releasePlanFindings<T>(
  ctx: AppContext,
  findings: T,
  cited: readonly number[],
  purpose: string,
  hidden?: HiddenEvents,
): Promise<T> {
  await logCitedEvents(ctx, cited, purpose);
  await logNamesReleased(ctx, findings, hidden ?? (await hiddenEvents(ctx)), purpose);
  return findings;
}

/**
 * The events the requester may not read in full: those above their clearance, and the incidents of
 * offices they do not belong to (need-to-know; the person at the terminal, and members of all
 * offices, belong to every office). A search by an actor's name looks among the others only, or
 * its count would confirm a name that is withheld.
 */
export async function hiddenEvents(ctx: AppContext): Promise<HiddenEvents> {
  const levels = levelsAbove(ctx.requester);
  const offices = ctx.requester.offices;
  if (offices === undefined || offices.includes(ALL_OFFICES)) return { levels, missionIds: [] };
  const readable = readableLevels(ctx.requester).filter((l) => l !== 'public');
  if (!readable.length) return { levels, missionIds: [] };
  return { levels, missionIds: await incidentsOutside(ctx.store.db, readable, offices) };
}

/** An entry the requester wrote last: its words are theirs, and withholding a name in them answered a guess. */
function ownThreat(ctx: AppContext, t: ThreatEntry): boolean {
  return t.id !== null && t.updatedBy === ctx.requester.name;
}

/** What the release of a threat reads of it. */
type ThreatEntry = Pick<Threat, 'id' | 'perpetrator' | 'targetedPopulation' | 'admin1' | 'note' | 'events'> &
  Partial<Pick<Threat, 'updatedBy'>>;

/**
 * Threats as the requester may see them (register, proposals, analysis, brief); their own entries
 * as written (ownThreat). Names known only from records the requester may not read in full are
 * withheld, and a threat linking such a record keeps a name only where readable records carry it
 * too. Every threat linking a hidden record is written to the audit chain, released or withheld.
 */
export async function releaseThreats<T extends ThreatEntry>(ctx: AppContext, threats: T[]): Promise<T[]> {
  const others = threats.filter((t) => !ownThreat(ctx, t));
  if (others.length < threats.length) {
    const released = await releaseThreats(ctx, others);
    return threats.map((t) => (ownThreat(ctx, t) ? t : released.shift()!));
  }
  const hidden = await hiddenEvents(ctx);
  // A threat whose names are withheld (here, or before by the analysis) keeps its note back too.
  const byName = await withholdActorNames(ctx, threats, hidden);
  const nameWithheld = new Set(
    byName.filter(
      (t, i) =>
        t.perpetrator === WITHHELD_KEY ||
        t.targetedPopulation === WITHHELD_KEY ||
        t.perpetrator !== threats[i]!.perpetrator ||
        t.targetedPopulation !== threats[i]!.targetedPopulation,
    ),
  );
  // Who last edited it goes with its names: the analyst's name says which office follows the case.
  const named = byName.map((t) => (nameWithheld.has(t) ? withheldThreat(t) : t));
  const out = await withholdLinkedThreats(ctx, named, byName, nameWithheld, hidden);
  await logNamesReleased(ctx, out, hidden, 'threats');
  return out;
}

/**
 * Of threats already stripped of withheld names, those linking a record the requester may not
 * read keep each name only where one of their own linked records the requester may read carries
 * it too: a threat resting on a withheld incident alone would otherwise tie a perpetrator that
 * public events name to that incident, its place and its date. Each is logged.
 */
async function withholdLinkedThreats<T extends ThreatEntry>(
  ctx: AppContext,
  named: T[],
  byName: T[],
  nameWithheld: ReadonlySet<T>,
  hidden: HiddenEvents,
): Promise<T[]> {
  if (!hidden.levels.length && !hidden.missionIds.length) return named;
  const linked = [...new Set(named.flatMap((t) => t.events))];
  if (!linked.length) return named;
  const hiddenIds = await hiddenAmong(ctx.store.db, hidden, linked);
  if (!hiddenIds.size) return named;
  const suspect = named.filter((t) => t.events.some((id) => hiddenIds.has(id)));
  const readable = await namesOnEvents(
    ctx.store.db,
    suspect.flatMap((t) => t.events.filter((id) => !hiddenIds.has(id))),
  );
  const openNames = (t: T) =>
    new Set(t.events.filter((id) => !hiddenIds.has(id)).flatMap((id) => readable.get(id) ?? []));
  const reads: { id: number | string; sensitivity: string; granted: boolean }[] = [];
  const out = named.map((t, i) => {
    if (!suspect.includes(t)) return t;
    const open = openNames(t);
    const keep = (name: string) => !name || name === WITHHELD_KEY || open.has(name);
    const granted = keep(t.perpetrator) && keep(t.targetedPopulation) && !nameWithheld.has(byName[i]!);
    const level = t.events.map((id) => hiddenIds.get(id)).find(Boolean) ?? 'restricted';
    reads.push({ id: t.id ?? `${t.perpetrator}|${t.admin1}`, sensitivity: level, granted });
    return granted
      ? t
      : {
          ...withheldThreat(t),
          perpetrator: keep(t.perpetrator) ? t.perpetrator : WITHHELD_KEY,
          targetedPopulation: keep(t.targetedPopulation) ? t.targetedPopulation : WITHHELD_KEY,
        };
  });
  await logReads(ctx, 'threat', reads, 'read');
  return out;
}

/** A threat's note and its last editor, withheld with its names. */
function withheldThreat<T extends ThreatEntry>(t: T): T {
  return { ...t, note: t.note ? REDACTED : t.note, ...(t.updatedBy ? { updatedBy: WITHHELD_KEY } : {}) };
}

/**
 * Analysts' driver tags as released: a tag on an event the requester may not read in full keeps
 * its driver, place and unit, but not its note nor a dispute's reason (analysts write there what
 * they know of the event: who, where, an informant) nor who made, confirmed or disputed it (a name
 * says which office follows the case), except the requester's own name. Each such tag's release,
 * in full or not, is written to the access log. Tags on an area, or on a public event, go as they are.
 */
export async function releaseDriverTags<
  T extends {
    id: number;
    eventId: number | null;
    note: string;
    analyst: string;
    confirmations: { analyst: string }[];
    disputes?: { analyst: string; reason: string }[];
  },
>(ctx: AppContext, tags: T[]): Promise<T[]> {
  const onEvents = tags.flatMap((t) => (t.eventId === null ? [] : [t.eventId]));
  if (!onEvents.length) return tags;
  const sensitive = new Map((await nonPublicAmong(ctx.store.db, onEvents)).map((e) => [e.id, e]));
  if (!sensitive.size) return tags;
  const mayRead = await eventReadRule(ctx, [...sensitive.values()]);
  const log: { id: number; sensitivity: string; granted: boolean }[] = [];
  const who = (name: string) => (name === ctx.requester.name ? name : WITHHELD_KEY);
  const out = tags.map((t) => {
    const e = t.eventId === null ? undefined : sensitive.get(t.eventId);
    if (!e) return t;
    const granted = mayRead(e);
    log.push({ id: t.id, sensitivity: e.sensitivity, granted });
    if (granted) return t;
    const confirmations = t.confirmations.map((c) => ({ ...c, analyst: who(c.analyst) }));
    const disputes = t.disputes?.map((d) => ({ ...d, analyst: who(d.analyst), reason: REDACTED }));
    return { ...t, note: t.note ? REDACTED : t.note, analyst: who(t.analyst), confirmations, disputes };
  });
  await logReads(ctx, 'driver-tag', log, 'driver tags');
  return out;
}

/**
 * The analysis's driver evidence as released, as releaseDriverTags decides for the tag list: an
 * analyst's tag on an event the requester may not read in full names none of its analysts.
 */
export async function releaseDriverEvidence<
  E extends {
    kind: string;
    eventId: number | null;
    tagId?: number;
    analyst?: string;
    confirmedBy?: string[];
    confirmations?: { analyst: string; unit: string }[];
    disputes?: { analyst: string; unit: string; reason: string }[];
  },
  D extends { evidence: E[] },
>(ctx: AppContext, drivers: D[]): Promise<D[]> {
  const tags = drivers.flatMap((d) => d.evidence.filter((e) => e.kind === 'tag' && e.eventId !== null));
  if (!tags.length) return drivers;
  const asTags = tags.map((e) => ({
    id: e.tagId ?? 0,
    eventId: e.eventId,
    note: '',
    analyst: e.analyst ?? '',
    confirmations: e.confirmations ?? [],
    disputes: e.disputes,
  }));
  const released = await releaseDriverTags(ctx, asTags);
  // A tag released as it was comes back as the same object; one withheld, as a new one.
  const withheld = new Map(tags.flatMap((e, i) => (released[i] === asTags[i] ? [] : [[e, released[i]!]])));
  return drivers.map((d) => ({
    ...d,
    evidence: d.evidence.map((e) => {
      const r = withheld.get(e);
      if (!r) return e;
      const confirmedBy = r.confirmations.map((c) => `${c.analyst} (${c.unit})`);
      return { ...e, analyst: r.analyst, confirmedBy, confirmations: r.confirmations, disputes: r.disputes };
    }),
  }));
}

/**
 * Refuses a driver tag, or its confirmation, on an event the analyst may not read in full: a tag
 * confirmed blind would make a joint finding of a record only one side has seen.
 */
export async function assertMayTagEvent(ctx: AppContext, event: EventOrigin & { id: number }): Promise<void> {
  const mayRead = await eventReadRule(ctx, [event]);
  if (mayRead(event)) return;
  throw new TandemError(
    'forbidden',
    `${ctx.requester.name} may not tag or confirm a driver on event ${event.id}: you may not read it in full; an analyst cleared for it, of the office that follows it, may`,
  );
}

/** Of these threats, those the requester may read in full: the only ones an edit, or a refusal of a threat added twice, may name. */
export async function threatsReadInFull<T extends ThreatEntry>(ctx: AppContext, threats: T[]): Promise<T[]> {
  const seen = await releaseThreats(ctx, threats);
  return threats.filter(
    (t, i) =>
      seen[i]!.perpetrator === t.perpetrator &&
      seen[i]!.targetedPopulation === t.targetedPopulation &&
      seen[i]!.note === t.note,
  );
}

/**
 * Refuses an edit of a threat its editor may not read in full (a perpetrator, group harmed or
 * note withheld from them): an edit answers the whole entry, and a status set blind (a threat
 * dismissed) is a decision on records the editor has not seen.
 */
export async function assertMayEditThreat(ctx: AppContext, threat: ThreatEntry): Promise<void> {
  if ((await threatsReadInFull(ctx, [threat])).length) return;
  throw new TandemError(
    'forbidden',
    `${ctx.requester.name} may not edit threat ${threat.id}: it rests on records you may not read in full; someone cleared for them, of the office that follows them, may`,
  );
}

/**
 * An incident as released to someone who may not read it in full (another office, or a clearance
 * below it): the day, the country and admin-1 area, what happened, the counts, the perpetrator's
 * category, the grading and the verification. Never the narrative, the source, the place, the
 * coordinates, the admin-2 area, the perpetrator's name or the groups targeted; nor the hour, nor
 * the people harmed by sex and age (a woman and a girl on a day in a province name a rape
 * survivor to those who know the place): they are counted together, as of unknown sex and age.
 */
export function withheldIncident(
  r: Selectable<IncidentTable>,
): Omit<ReleasedIncident, 'id' | 'createdAt' | 'createdBy' | 'updatedAt'> {
  const { perpetratorCategory, time: _hour, victims, ...fields } = openIncidentFields(r);
  const harmed = victims.women + victims.men + victims.girls + victims.boys + victims.unknown;
  return {
    ...fields,
    victims: { women: 0, men: 0, girls: 0, boys: 0, unknown: harmed },
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

/** Whether a field of an incident is kept in plain in its history (not sealed): none that identify people or places. */
export function changeReleasedToAll(field: string): boolean {
  return !(PROTECTED_INCIDENT_FIELDS as readonly string[]).includes(field);
}

/**
 * A change in an incident's history as released to someone who may not read it in full, as
 * withheldIncident releases the incident itself: what identifies people or places, and the hour,
 * withheld; the people harmed counted together, as of unknown sex and age (a history that showed
 * "girls 1 → 2" to a viewer gave away what the incident list withholds).
 */
export function withheldIncidentChange(c: { field: string; from: unknown; to: unknown }): {
  field: string;
  from: unknown;
  to: unknown;
  withheld?: true;
} {
  if (c.field === 'victims') {
    const together = (v: unknown) => {
      if (!v || typeof v !== 'object') return v;
      const n = Object.values(v as Record<string, unknown>).reduce<number>((t, x) => t + (Number(x) || 0), 0);
      return { women: 0, men: 0, girls: 0, boys: 0, unknown: n };
    };
    return { field: c.field, from: together(c.from), to: together(c.to) };
  }
  if (c.field === 'time' || !changeReleasedToAll(c.field))
    return { field: c.field, from: null, to: null, withheld: true };
  return c;
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
