import type { ConflictEvent } from '../../domain/conflict-event.ts';

const COLUMNS: readonly [string, string, (e: ConflictEvent) => string | number | null][] = [
  ['Event ID', '#event+id', (e) => e.sourceEventId],
  ['Date', '#date+occurred', (e) => e.dateStart],
  ['Country', '#country+name', (e) => e.country],
  ['Region', '#adm1+name', (e) => e.admin1],
  ['District', '#adm2+name', (e) => e.admin2],
  ['Place', '#loc+name', (e) => e.location],
  ['Latitude', '#geo+lat', (e) => e.latitude],
  ['Longitude', '#geo+lon', (e) => e.longitude],
  ['Event type', '#event+type', (e) => e.eventType],
  ['Sub-type', '#event+type+sub', (e) => e.subEventType],
  ['Perpetrator', '#group+name+first', (e) => e.actor1],
  ['Perpetrator type', '#group+type+first', (e) => e.actor1Category ?? ''],
  ['Other party', '#group+name+second', (e) => e.actor2],
  ['Other party type', '#group+type+second', (e) => e.actor2Category ?? ''],
  ['Killed', '#affected+killed', (e) => e.fatalities],
  ['Civilians killed', '#affected+killed+civilians', (e) => e.civilianFatalities],
  ['Description', '#description', (e) => e.notes],
  ['Source', '#meta+source', (e) => e.sourceText],
];

function cell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes events as an HXL-tagged CSV, the way a humanitarian partner shares incident data, so the
 * demonstration mission enters the store through the same importer a user's own files do.
 */
export function eventsAsHxlCsv(events: readonly ConflictEvent[]): string {
  const lines = [COLUMNS.map((c) => cell(c[0])).join(','), COLUMNS.map((c) => c[1]).join(',')];
  for (const e of events) lines.push(COLUMNS.map((c) => cell(c[2](e))).join(','));
  return `${lines.join('\n')}\n`;
}
