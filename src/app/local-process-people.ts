import {
  type NamingEvent,
  type ProcessParticipant,
  recordsTouchingPeople,
  type TouchingRecord,
} from '../analysis/local-process-people.ts';
import type { IncidentRef } from '../analysis/participation-alerts.ts';
import { addDays } from '../domain/calendar-day.ts';
import type { LocalProcess } from '../domain/local-process.ts';
import { eventsNamingPeople } from '../store/local-process-repository.ts';
import { findParticipants, incidentSummaries } from '../store/participant-repository.ts';
import { eventReadRule, mayReadInFull, type RecordRead } from './access-control.ts';
import { logReads } from './access-log.ts';
import type { AppContext } from './operation.ts';
import { releaseParticipants } from './participant-operations.ts';

const PURPOSE = 'checkLocalProcesses';

/**
 * For each local process (already released to the requester), the incidents of the mission's log
 * and the events that touched its people within the check's window (recordsTouchingPeople). What
 * is matched is only what the requester may read: the register is released as for
 * `listParticipants` (an alias only to those who may read the participant in full, every release
 * audited); an incident's targeted groups only where they may read it in full; an event's names
 * only where they may read it in full (eventReadRule: cleared, and of the office of an incident of the mission's own). Every non-public incident listed is audited; the events'
 * reads are added to `eventReads` for the caller to audit with the rest of the check.
 */
export async function recordsTouchingProcessPeople(
  ctx: AppContext,
  country: string,
  processes: readonly LocalProcess[],
  windowDays: number,
  eventReads: Map<number, RecordRead>,
): Promise<Map<string, TouchingRecord[]>> {
  const out = new Map<string, TouchingRecord[]>();
  if (!processes.length) return out;
  const ids = new Set(processes.map((p) => p.id));
  const records = (await findParticipants(ctx.store.db)).filter((r) =>
    r.processes.some((x) => x.kind === 'local' && ids.has(x.process)),
  );
  const released = records.length ? await releaseParticipants(ctx, records, PURPOSE) : [];
  const participants: ProcessParticipant[] = records.map((r, i) => ({
    id: Number(r.row.id),
    alias: released[i]!.alias,
    processes: r.processes,
    incidents: r.incidents,
  }));
  // A participant the requester may not read in full is not named, not even by id (the register
  // gives their role and office by id): the incident shows that "a participant" was touched.
  const withheld = new Set(records.filter((_, i) => released[i]!.withheld).map((r) => Number(r.row.id)));

  const linked = [...new Set(participants.flatMap((p) => p.incidents))];
  const summaries = new Map(
    [
      ...(await incidentSummaries(ctx.store.db, { country })),
      ...(linked.length ? await incidentSummaries(ctx.store.db, { ids: linked }) : []),
    ].map((i) => [i.id, i]),
  );
  const full = new Map([...summaries.values()].map((i) => [i.id, mayReadInFull(ctx.requester, i)]));
  const incidents: IncidentRef[] = [...summaries.values()]
    .filter((i) => i.verification !== 'rejected')
    .map((i) => ({
      id: i.id,
      occurredOn: i.occurredOn,
      category: i.category,
      admin1: i.admin1,
      targetedGroups: full.get(i.id) ? i.targetedGroups : [],
    }));

  const dates = processes.map((p) => p.date).sort();
  const names = processes.flatMap((p) => [...p.mediators, ...p.thirdParties]);
  const found = await eventsNamingPeople(
    ctx.store.db,
    country,
    addDays(dates[0]!, -windowDays),
    addDays(dates.at(-1)!, windowDays),
    names,
  );
  const readable = await eventReadRule(ctx, found);
  const events: (NamingEvent & { sensitivity: string })[] = found.filter(
    (e) => e.sensitivity === 'public' || readable(e),
  );

  const levels = new Map(events.map((e) => [e.id, e.sensitivity]));
  const listedIncidents = new Set<number>();
  for (const p of processes) {
    const touching = unnamed(recordsTouchingPeople(p, windowDays, participants, incidents, events), withheld);
    for (const t of touching) {
      if (t.kind === 'incident') listedIncidents.add(t.id);
      else {
        const s = levels.get(t.id) ?? 'public';
        if (s !== 'public') eventReads.set(t.id, { sensitivity: s, granted: true });
      }
    }
    out.set(p.id, touching);
  }
  await logReads(
    ctx,
    'incident',
    [...listedIncidents]
      .map((id) => summaries.get(id)!)
      .filter((i) => i.sensitivity !== 'public')
      .map((i) => ({ id: i.id, sensitivity: i.sensitivity, granted: full.get(i.id) ?? false })),
    PURPOSE,
  );
  return out;
}

/** Records touching withheld participants with the participant left unnamed, each incident once. */
function unnamed(records: TouchingRecord[], withheld: ReadonlySet<number>): TouchingRecord[] {
  const seen = new Set<string>();
  return records.flatMap((t) => {
    if (t.kind !== 'incident' || t.participant === null || !withheld.has(t.participant)) return [t];
    const key = `${t.id}\u0000${t.via}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...t, participant: null, alias: null }];
  });
}
