import { wholeWordSource } from '../domain/whole-word.ts';
import type { StoredEvent } from '../store/event-repository.ts';
import { WITHHELD_KEY } from './access-control.ts';

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
    actor1Associated: e.actor1Associated?.map(scrub),
    actor2Associated: e.actor2Associated?.map(scrub),
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
