import Papa from 'papaparse';
import type { ConflictEvent } from '../domain/conflict-event.ts';
import type { ExportFormat } from '../domain/export-format.ts';
import { FORMULA_START } from '../domain/spreadsheet-formula.ts';
import { TARGET_SEPARATOR } from '../store/event-columns.ts';

export { EXPORT_FORMATS, type ExportFormat } from '../domain/export-format.ts';

/**
 * How a record left Tandem: `whole` as stored; `counts` when it was beyond the requester's reach
 * (releaseForExport); `blurred` with `--blur`. Only a whole record can stand for the stored one
 * when the file is imported again (see hxl-reader.ts).
 */
export const RELEASES = ['whole', 'counts', 'blurred'] as const;
export type Release = (typeof RELEASES)[number];

type Cell = string | number | null;

/**
 * Each exported column: its header, its HXL hashtag, and how to read it off an event. The HXL
 * reader knows an export of Tandem's own by these hashtags and reads every column back
 * (readTandemExport in hxl-reader.ts), so a column added here needs its reader there.
 */
export const EXPORT_COLUMNS = [
  ['source', '#meta+dataset', (e) => e.source],
  ['source_event_id', '#event+id', (e) => e.sourceEventId],
  ['date_start', '#date+start', (e) => e.dateStart],
  ['date_end', '#date+end', (e) => e.dateEnd],
  ['date_precision', '#date+precision', (e) => e.datePrecision],
  ['country', '#country+name', (e) => e.country],
  ['admin1', '#adm1+name', (e) => e.admin1],
  ['admin2', '#adm2+name', (e) => e.admin2],
  ['location', '#loc+name', (e) => e.location],
  ['latitude', '#geo+lat', (e) => e.latitude],
  ['longitude', '#geo+lon', (e) => e.longitude],
  ['violence_type', '#event+type', (e) => e.violenceType],
  ['event_type', '#event+type+source', (e) => e.eventType],
  ['sub_event_type', '#event+type+sub', (e) => e.subEventType],
  ['actor1', '#group+name+first', (e) => e.actor1],
  ['actor1_category', '#group+type+first', (e) => e.actor1Category],
  ['actor2', '#group+name+second', (e) => e.actor2],
  ['actor2_category', '#group+type+second', (e) => e.actor2Category],
  ['civilian_targeting', '#indicator+civilian_targeting', (e) => (e.civilianTargeting ? 1 : 0)],
  [
    'civilian_targeting_derived',
    '#indicator+civilian_targeting+derived',
    (e) => (e.civilianTargetingDerived ? 1 : 0),
  ],
  ['fatalities', '#affected+killed', (e) => e.fatalities],
  ['civilian_fatalities', '#affected+killed+civilians', (e) => e.civilianFatalities],
  ['notes', '#description', (e) => e.notes],
  ['source_text', '#meta+source', (e) => e.sourceText],
  // Added after the columns above, which files and scripts already rely on.
  ['geo_precision', '#geo+precision', (e) => e.geoPrecision],
  ['fatalities_low', '#affected+killed+low', (e) => e.fatalitiesLow],
  ['fatalities_high', '#affected+killed+high', (e) => e.fatalitiesHigh],
  ['targets', '#group+name+targets', (e) => e.targets.join(TARGET_SEPARATOR)],
  // The actors acting with each side (ACLED's associated actors), '; ' between them.
  [
    'actor1_associated',
    '#group+name+first+associated',
    (e) => (e.actor1Associated ?? []).join(TARGET_SEPARATOR),
  ],
  [
    'actor2_associated',
    '#group+name+second+associated',
    (e) => (e.actor2Associated ?? []).join(TARGET_SEPARATOR),
  ],
  ['release', '#meta+release', (_e, release) => release],
] as const satisfies readonly (readonly [string, string, (e: ConflictEvent, release: Release) => Cell])[];

export type ExportColumnName = (typeof EXPORT_COLUMNS)[number][0];

/**
 * Writes events in the formats the field exchanges: plain CSV, HXL-tagged CSV (a hashtag row
 * under the header, as HDX publishes; Tandem reads it back) and GeoJSON points. CSV and HXL
 * neutralise formula-like text cells (FORMULA_START); GeoJSON, not a spreadsheet format, keeps
 * every value exact.
 */
export class EventExporter {
  private first = true;
  constructor(
    readonly format: ExportFormat,
    private readonly write: (s: string) => void,
  ) {}

  start(): void {
    if (this.format === 'geojson') this.write('{"type":"FeatureCollection","features":[\n');
    else {
      this.write(`${Papa.unparse([EXPORT_COLUMNS.map((c) => c[0])])}\r\n`);
      if (this.format === 'hxl') this.write(`${Papa.unparse([EXPORT_COLUMNS.map((c) => c[1])])}\r\n`);
    }
  }

  /**
   * Writes events, each released as `release` says (one for all, or one for each): whole unless
   * the caller coarsened them, which the file records so that the import does not take a coarsened
   * copy for the record.
   */
  add(events: readonly ConflictEvent[], release: Release | readonly Release[] = 'whole'): void {
    if (events.length === 0) return;
    const releaseOf = (i: number): Release => (typeof release === 'string' ? release : release[i]!);
    const values = (e: ConflictEvent, i: number) => EXPORT_COLUMNS.map(([, , get]) => get(e, releaseOf(i)));
    if (this.format === 'geojson') {
      const parts = events.map((e, i) => {
        const cells = values(e, i);
        const properties = Object.fromEntries(EXPORT_COLUMNS.map(([name], k) => [name, cells[k]]));
        const geometry =
          e.latitude !== null && e.longitude !== null
            ? { type: 'Point', coordinates: [e.longitude, e.latitude] }
            : null;
        return JSON.stringify({ type: 'Feature', geometry, properties });
      });
      this.write(`${this.first ? '' : ',\n'}${parts.join(',\n')}`);
    } else {
      const rows = events.map((e, i) => values(e, i).map((v) => v ?? ''));
      this.write(`${Papa.unparse(rows, { escapeFormulae: FORMULA_START })}\r\n`);
    }
    this.first = false;
  }

  end(): void {
    if (this.format === 'geojson') this.write('\n]}\n');
  }
}
