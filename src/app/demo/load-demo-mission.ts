import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext, Operation } from '../operation.ts';
import { operations } from '../operations.ts';
import { runOperation } from '../run-operation.ts';
import { DEMO_COUNTRY, demoBoundaries } from './demo-country.ts';
import { generateDemoEvents } from './demo-events.ts';
import { eventsAsHxlCsv } from './demo-hxl-file.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

const DEMO_DRIVER_TAGS = [
  {
    driver: 'counter-insurgency-and-reprisal',
    admin1: 'Lower Varo',
    by: 'poc',
    confirmed: true,
    note: 'Army sweeps after KLF attacks; reprisals against villages suspected of support.',
  },
  {
    driver: 'negotiation-leverage',
    admin1: 'Kessa Highlands',
    by: 'political',
    confirmed: true,
    note: 'KLF attacks rise in the weeks before each round of the Orvo talks.',
  },
  {
    driver: 'cattle-and-transhumance',
    admin1: 'Selet Plateau',
    by: 'poc',
    confirmed: false,
    note: 'Dry-season movement of herds through farmland along the corridor.',
  },
  {
    driver: 'land-and-resources',
    admin1: 'Dunmarch',
    by: 'political',
    confirmed: false,
    note: 'Disputed grazing land and water points.',
  },
] as const;

export interface LoadDemoMissionOptions {
  /** Do nothing when the store already holds events (the `npm start` case). */
  onlyIfEmpty?: boolean;
  seed?: number;
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
 * agreement and its negotiation process. With `onlyIfEmpty`, a store that holds any event is left
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

  const dir = await mkdtemp(join(tmpdir(), 'tandem-demo-'));
  const events = generateDemoEvents({ seed: options.seed });
  try {
    const eventsFile = join(dir, 'orvania-events-hxl.csv');
    await writeFile(eventsFile, eventsAsHxlCsv(events));
    await run('events', 'importFiles', { paths: [eventsFile], format: 'hxl' }, true);
    // After the events, so that the polygons' names are matched to the events' spellings.
    const boundaries = join(dir, 'orvania-admin1.geojson');
    await writeFile(boundaries, JSON.stringify(demoBoundaries()));
    await run('admin-1 boundaries', 'loadBoundaries', { paths: [boundaries], country: DEMO_COUNTRY }, true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Analysts' driver tags: two confirmed by the other unit (joint), two still awaiting it.
  const poc = 'A. Mensah (fictional POC analyst)';
  const political = 'L. Ortega (fictional political affairs officer)';
  // Each analyst acts under their own name and unit, as a signed-in person would.
  const analyst = (unit: 'poc' | 'political') => ({ name: unit === 'poc' ? poc : political, roles: [unit] });
  for (const t of DEMO_DRIVER_TAGS) {
    const tag = (await run(
      `driver tag (${t.driver}, ${t.admin1})`,
      'tagDriver',
      { driver: t.driver, country: DEMO_COUNTRY, admin1: t.admin1, note: t.note },
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
    plan: await readFile(join(HERE, 'demo-plan.yaml'), 'utf8'),
    name: 'demo-plan.yaml',
  });
  await run('draft agreement', 'importAgreement', {
    documents: [
      { name: 'demo-agreement.txt', text: await readFile(join(HERE, 'demo-agreement.txt'), 'utf8') },
    ],
    title: 'Draft agreement on the cessation of hostilities and a political dialogue in Orvania (fictional)',
  });
  await run('local processes', 'importLocalProcesses', {
    text: await readFile(join(HERE, 'demo-local-processes.yaml'), 'utf8'),
    name: 'demo-local-processes.yaml',
  });
  await run('negotiation process', 'storeNegotiation', {
    process: await readFile(join(HERE, 'demo-negotiation.yaml'), 'utf8'),
    name: 'demo-negotiation.yaml',
  });
  return { loaded: true, events: events.length, parts };
}
