import { type ActorCategory, categoryFromName } from '../domain/actor-category.ts';
import type { ConflictEvent } from '../domain/conflict-event.ts';
import { INCIDENT_CATEGORIES, type IncidentCategory, incidentCounts } from '../domain/incident.ts';
import { eventValues } from '../store/event-columns.ts';
import type { EventImport } from '../store/event-import.ts';
import { RowPacker } from '../store/packed-rows.ts';
import type { IncidentInput } from './incident-operations.ts';

/**
 * The event an incident counts as (source `mission`, its id the incident's), so that summaries,
 * the map, alerts and the brief count the mission's own records beside the public data. Only what
 * counting needs goes in: the narrative, the source, the place name and the precise coordinates
 * stay sealed in the incident, and a non-public incident's point is placed to 0.1° only.
 */
export function incidentEvent(id: number, i: IncidentInput): ConflictEvent {
  const kind = INCIDENT_CATEGORIES[i.category as IncidentCategory];
  const coarse = i.sensitivity !== 'public';
  const place = (v: number | null | undefined) =>
    v === null || v === undefined ? null : coarse ? Math.round(v * 10) / 10 : v;
  const actor1 = i.perpetrator?.name || 'Unidentified perpetrator';
  // A perpetrator recorded by name alone takes the category its name says, as a sheet's does
  // ("Forces armées maliennes (FAMa)" is the host state's forces): otherwise a state's abuse
  // would be counted under no category, out of every state-forces table.
  const perpetratorCategory =
    (i.perpetrator?.category as ActorCategory | undefined) ??
    (i.perpetrator?.name
      ? categoryFromName(actor1, { violenceType: kind.violenceType, side: 1, country: i.country })
      : null);
  return {
    source: 'mission',
    sourceEventId: String(id),
    dateStart: i.occurredOn,
    dateEnd: i.occurredOn,
    datePrecision: i.datePrecision,
    country: i.country,
    admin1: i.admin1,
    admin2: i.admin2,
    location: '',
    latitude: place(i.latitude),
    longitude: place(i.longitude),
    geoPrecision: coarse ? 3 : i.geoPrecision,
    violenceType: kind.violenceType,
    eventType: 'Mission incident',
    subEventType: i.category,
    actor1,
    actor1Category: perpetratorCategory,
    actor2: kind.civilianTargeting ? (i.targetedGroups[0] ?? `Civilians (${i.country})`) : '',
    actor2Category: kind.civilianTargeting ? 'civilians' : null,
    civilianTargeting: kind.civilianTargeting,
    civilianTargetingDerived: false,
    fatalities: i.killed,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    // Where civilians were the target, the killed were civilians; in a clash the log does not say.
    civilianFatalities: kind.civilianTargeting ? i.killed : null,
    targets: incidentTargets(i),
    notes: '',
    sourceText: '',
  };
}

/**
 * Keeps the incident's event in step with the incident: written while it counts (inserted, or
 * updated with its counts moved from the old values to the new), taken out with its counts once
 * it is rejected, and back when it is no longer.
 */
export async function syncIncidentEvent(imp: EventImport, id: number, input: IncidentInput): Promise<void> {
  if (!incidentCounts(input)) {
    await imp.removeEvents('mission', [String(id)]);
    return;
  }
  const file = await imp.beginFile(`mission incident ${id}`, 'mission');
  const packer = new RowPacker(1);
  packer.add(eventValues(incidentEvent(id, input), input.sensitivity));
  await file.write({ rows: packer.take(), problems: [], read: 1 });
  await file.finish();
}

/**
 * Who an incident harmed, as a group named the way ACLED names one (with the country): the groups
 * the reporter wrote, then women and children where the victims count them (girls and boys are
 * children; the sex of the victims stays in the incident).
 */
export function incidentTargets(i: Pick<IncidentInput, 'targetedGroups' | 'victims' | 'country'>): string[] {
  const named = (g: string) => (/\(.+\)$/.test(g) ? g : `${g} (${i.country})`);
  const out = new Set(
    i.targetedGroups
      .map((g) => g.trim())
      .filter(Boolean)
      .map(named),
  );
  if (i.victims.women > 0) out.add(`Women (${i.country})`);
  if (i.victims.girls + i.victims.boys > 0) out.add(`Children (${i.country})`);
  return [...out];
}
