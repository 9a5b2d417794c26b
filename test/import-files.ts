import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoEvents } from '../src/app/demo/demo-events.ts';
import { eventsAsHxlCsv } from '../src/app/demo/demo-hxl-file.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Sensitivity } from '../src/domain/sensitivity.ts';
import type { Store } from '../src/store/store.ts';

export interface ImportFilesOptions {
  sensitivity?: Sensitivity;
  format?: 'acled' | 'ucdp' | 'hxl' | 'auto';
  /** The requester's roles; an admin unless said otherwise. */
  roles?: string[];
}

/** Imports files the way every front end does: through the importFiles operation and its checks. */
export function importFiles(store: Store, paths: string[], options: ImportFilesOptions = {}) {
  const { roles = ['admin'], ...input } = options;
  return runOperation(
    operations.importFiles,
    { paths, ...input },
    { via: 'cli', name: 'importFiles', requester: { name: 'test', roles }, store },
  );
}

/** Imports the demonstration's generated events (seeded) as the HXL file a user would import. */
export async function importDemoEvents(store: Store, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-demo-events-'));
  try {
    const file = join(dir, 'events-hxl.csv');
    writeFileSync(file, eventsAsHxlCsv(generateDemoEvents({ seed })));
    return await importFiles(store, [file], { format: 'hxl' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
