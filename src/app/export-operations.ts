import { z } from 'zod';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import { ACTOR_CATEGORY_FILTERS } from '../domain/actor-category.ts';
import { EXPORT_FORMATS } from '../domain/export-format.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { VIOLENCE_TYPES } from '../domain/violence-type.ts';
import { EventExporter } from '../sources/event-export.ts';
import { iterateEvents } from '../store/event-repository.ts';
import { releaseForExport } from './access-control.ts';
import { blurEvents } from './event-blur.ts';
import { checkPeriod, eventFilterInput } from './event-filter-input.ts';
import { numberInput } from './number-input.ts';
import { defineOperation } from './operation.ts';

/**
 * Where an export writes its text, chunk by chunk. It may return a promise (a stream that asks the
 * writer to wait), which the export awaits, so that a large store is never held in memory whole.
 */
export type ExportSink = (chunk: string) => unknown;

const sink = z.custom<ExportSink>((v) => typeof v === 'function', 'expected somewhere to write the export');

/**
 * Writes the events that match a filter (country, admin-1 area, period, violence types, perpetrator
 * categories) as CSV, HXL-tagged CSV or GeoJSON to a sink, a page of events at a time, oldest first. Every page goes through `releaseForExport`, so a record beyond
 * the requester's reach is written as counts with its place coarsened, and every release of a
 * sensitive record is audited.
 */
export const exportEvents = defineOperation({
  servedAt: 'GET /api/export',
  summary: 'Write the events that match a filter as CSV, GeoJSON or HXL-tagged CSV.',
  input: eventFilterInput.extend({
    format: z.enum(EXPORT_FORMATS),
    admin1: z.string().min(1).optional(),
    /** Only events of these violence types (the workbench's filter). */
    violenceTypes: z.array(z.enum(VIOLENCE_TYPES)).min(1).optional(),
    /** Only events whose perpetrator (first actor) is of these categories: only state forces, say. */
    actorCategories: z.array(z.enum(ACTOR_CATEGORY_FILTERS)).min(1).optional(),
    /** Coarsen every event to a grid this many km across, for sharing outside the mission (blurEvents). */
    blurKm: numberInput(z.number().positive('a distance in km above 0').max(500)).optional(),
    /**
     * Start a CSV or HXL file with a UTF-8 byte-order mark, so that Excel on Windows reads its
     * accents ("Ségou", not "SÃ©gou"); Tandem's readers, LibreOffice and HXL tools read it either way.
     */
    excel: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).optional(),
    write: sink,
  }),
  async run(ctx, { format, write, blurKm, excel, ...filter }): Promise<{ format: string; events: number }> {
    checkPeriod(filter);
    if (excel && format === 'geojson')
      throw new TandemError(
        'bad-input',
        'an export for Excel (--excel, or excel=1) is CSV or HXL; GeoJSON is read by GIS, not Excel',
        {
          details: { field: 'excel' },
        },
      );
    // Before the first byte: a misspelt country or area is refused, not exported as no events.
    await assertEventsExistFor(ctx.store.db, filter);
    // The exporter writes synchronously; what it hands over is awaited page by page.
    let pending: unknown[] = [];
    const exporter = new EventExporter(format, (s) => {
      pending.push(write(s));
    });
    const flush = async () => {
      const waiting = pending;
      pending = [];
      await Promise.all(waiting);
    };
    if (excel) pending.push(write('\ufeff'));
    exporter.start();
    let events = 0;
    for await (const page of iterateEvents(ctx.store.db, filter)) {
      const released = await releaseForExport(ctx, page);
      // releaseForExport hands a record released whole back as it is, and one withheld as a copy.
      const release = released.map((e, i) => (e !== page[i] ? 'counts' : blurKm ? 'blurred' : 'whole'));
      exporter.add(blurKm ? blurEvents(released, blurKm) : released, release);
      events += page.length;
      await flush();
      // Each page is read synchronously on SQLite: between pages, the server answers the others
      // (an export of 600,000 events held every other request for its 85 s).
      await new Promise((r) => setImmediate(r));
    }
    exporter.end();
    await flush();
    return { format, events };
  },
});

export const exportOperations = { exportEvents };
