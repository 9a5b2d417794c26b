import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
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

/** Imports a file of the given text, written to a folder of its own that is removed after. */
export async function importText(store: Store, name: string, text: string, options: ImportFilesOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-import-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, text);
    return await importFiles(store, [file], options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports a CSV of these rows, the header first, as a user's file. */
export function importCsvRows(store: Store, name: string, rows: readonly (readonly string[])[]) {
  return importText(store, name, `${Papa.unparse(rows as string[][])}\n`);
}

/** Imports the demonstration's generated events (seeded) as the HXL file a user would import. */
export function importDemoEvents(store: Store, seed: number) {
  return importText(store, 'events-hxl.csv', eventsAsHxlCsv(generateDemoEvents({ seed })), { format: 'hxl' });
}
