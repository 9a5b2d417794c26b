// Starts the event index's worker thread: TypeScript loads through tsx, as in bin/tandem.js.
import { register } from 'tsx/esm/api';

register();
await import('./event-index-worker.ts');
