import { parentPort, workerData } from 'node:worker_threads';
import { IndexNotBuilt, readEventIndexData, transferables } from './event-index-data.ts';
import { openStore, type StoreOptions } from './store.ts';

// Reads the event index's data on its own connection and hands it over (event-index-keeper.ts).
const store = await openStore(workerData as StoreOptions);
try {
  const data = await readEventIndexData(store.db);
  if (data) parentPort!.postMessage({ data }, transferables(data));
  else parentPort!.postMessage({});
} catch (e) {
  if (!(e instanceof IndexNotBuilt)) throw e;
  parentPort!.postMessage({ notBuilt: e.message });
} finally {
  await store.close();
}
