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
