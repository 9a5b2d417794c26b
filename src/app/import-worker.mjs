// Starts the import worker thread: TypeScript loads through tsx, as in bin/tandem.js.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
