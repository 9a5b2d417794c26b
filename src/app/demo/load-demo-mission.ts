import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../domain/language.ts';
import type { AppContext, Operation } from '../operation.ts';
import { operations } from '../operations.ts';
import { runOperation } from '../run-operation.ts';
import { demoBoundaries } from './demo-country.ts';
import { generateDemoEvents } from './demo-events.ts';
import { eventsAsHxlCsv } from './demo-hxl-file.ts';
import { type DemoTaggedDriver, demoFile, demoTexts } from './demo-texts.ts';

const DEMO_DRIVER_TAGS: readonly {
  driver: DemoTaggedDriver;
  admin1: string;
  by: 'poc' | 'political';
  confirmed: boolean;
}[] = [
  { driver: 'counter-insurgency-and-reprisal', admin1: 'Lower Varo', by: 'poc', confirmed: true },
  { driver: 'negotiation-leverage', admin1: 'Kessa Highlands', by: 'political', confirmed: true },
  { driver: 'cattle-and-transhumance', admin1: 'Selet Plateau', by: 'poc', confirmed: false },
  { driver: 'land-and-resources', admin1: 'Dunmarch', by: 'political', confirmed: false },
];

export interface LoadDemoMissionOptions {
  /** Do nothing when the store already holds events (the `npm start` case). */
  onlyIfEmpty?: boolean;
  seed?: number;
  /**
   * The language the mission is written in (default English): its notes, names, plan, agreement,
   * talks and local processes. Both languages give the same events, findings and alerts.
   */
  lang?: Language;
}

export interface LoadDemoMissionResult {
  loaded: boolean;
  events: number;
  /** Each part of the mission and whether it went in (a part whose operation is absent is skipped). */
  parts: { part: string; operation: string; loaded: boolean; note?: string }[];
}

/**
 * Loads the fictional demonstration mission (Orvania) through the same operations a user runs:
 * its events as an HXL file through the importer, its admin-1 boundaries, its plan, its draft
 * agreement and its negotiation process, in English or in French (`lang`). With `onlyIfEmpty`, a store that holds any event is left
 * alone, so real data is never mixed with the fiction.
 */
export async function loadDemoMission(
  ctx: AppContext,
  options: LoadDemoMissionOptions = {},
): Promise<LoadDemoMissionResult> {
  if (options.onlyIfEmpty) {
    const any = await ctx.store.db.selectFrom('events').select('id').limit(1).executeTakeFirst();
    if (any) return { loaded: false, events: 0, parts: [] };
  }
  const table = operations as unknown as Record<string, Operation<unknown, unknown>>;
  const parts: LoadDemoMissionResult['parts'] = [];
  // The events and their map are the demonstration; a plan, agreement or process that another
  // part of Tandem can no longer read is reported and skipped rather than stopping the server.
  const run = async (
    part: string,
    name: string,
    raw: unknown,
    required = false,
    requester = ctx.requester,
  ): Promise<unknown> => {
    const op = table[name];
    if (!op) {
      if (required) throw new Error(`the demonstration needs the ${name} operation`);
      parts.push({ part, operation: name, loaded: false, note: 'operation not available in this build' });
      return undefined;
    }
    try {
      const out = await runOperation(op, raw, { via: 'server', name, requester, store: ctx.store });
      parts.push({ part, operation: name, loaded: true });
      return out;
    } catch (e) {
      if (required) throw e;
      parts.push({ part, operation: name, loaded: false, note: (e as Error).message.slice(0, 500) });
      return undefined;
    }
  };

  const lang = options.lang ?? 'en';
  const texts = demoTexts(lang);
  const dir = await mkdtemp(join(tmpdir(), 'tandem-demo-'));
  const events = generateDemoEvents({ seed: options.seed, words: texts });
  try {
    const eventsFile = join(dir, 'orvania-events-hxl.csv');
    await writeFile(eventsFile, eventsAsHxlCsv(events));
    // Recorded under the file's own name: the temporary folder is the server's business.
    await run(
      'events',
      'importFiles',
      { paths: [eventsFile], format: 'hxl', names: ['orvania-events-hxl.csv'] },
      true,
    );
    // After the events, so that the polygons' names are matched to the events' spellings.
    const boundaries = join(dir, 'orvania-admin1.geojson');
    await writeFile(boundaries, JSON.stringify(demoBoundaries(texts.country)));
    await run('admin-1 boundaries', 'loadBoundaries', { paths: [boundaries], country: texts.country }, true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Analysts' driver tags: two confirmed by the other unit (joint), two still awaiting it.
  // Each analyst acts under their own name and unit, as a signed-in person would.
  const analyst = (unit: 'poc' | 'political') => ({ name: texts.analysts[unit], roles: [unit] });
  for (const t of DEMO_DRIVER_TAGS) {
    const tag = (await run(
      `driver tag (${t.driver}, ${t.admin1})`,
      'tagDriver',
      { driver: t.driver, country: texts.country, admin1: t.admin1, note: texts.driverTags[t.driver] },
      false,
      analyst(t.by),
    )) as { id?: number } | undefined;
    if (t.confirmed && tag?.id) {
      const other = t.by === 'poc' ? 'political' : 'poc';
      await run(
        `driver confirmation (${t.driver}, ${t.admin1})`,
        'confirmDriver',
        { tagId: tag.id },
        false,
        analyst(other),
      );
    }
  }
  await run('mission plan', 'importPlan', {
    plan: demoFile(lang, 'demo-plan.yaml'),
    name: 'demo-plan.yaml',
  });
  await run('draft agreement', 'importAgreement', {
    documents: [{ name: 'demo-agreement.txt', text: demoFile(lang, 'demo-agreement.txt') }],
    title: texts.agreementTitle,
  });
  await run('local processes', 'importLocalProcesses', {
    text: demoFile(lang, 'demo-local-processes.yaml'),
    name: 'demo-local-processes.yaml',
  });
  await run('negotiation process', 'storeNegotiation', {
    process: demoFile(lang, 'demo-negotiation.yaml'),
    name: 'demo-negotiation.yaml',
  });
  return { loaded: true, events: events.length, parts };
}
