import { Worker } from 'node:worker_threads';
import { type EventIndexData, readEventIndexData, transferables } from './event-index-data.ts';
import { EventMemoryIndex } from './event-memory-index.ts';
import { readEventsRevision } from './events-revision.ts';
import type { Store, StoreOptions } from './store.ts';

// Keeping a store's event index current for a server: built once, in a worker thread for a large
// store, and again after any change to the events (their revision, events-revision.ts).

/** What the server keeps for a store: the index of the revision it read, and the build under way. */
interface Keeping {
  reopen: StoreOptions | undefined;
  /** Stores of this many events or more are indexed in a worker thread. */
  workerFrom: number;
  log?: (line: string) => void;
  index?: EventMemoryIndex;
  building?: { revision: number; finished: Promise<void>; worker?: Worker };
  /** The revision at which the index could not be built (the store is beyond it): not retried. */
  notBuiltAt?: number;
  stopped?: boolean;
}

const kept = new WeakMap<Store, Keeping>();

/**
 * Lets the reads of this store use an event index in memory (a server's: a one-shot command would
 * spend more building it than it saves). A worker thread builds it on its own connection, so the
 * requests are not held; a store no other thread can open (in-memory SQLite) builds it in this
 * thread. Returns how to stop keeping it.
 */
export function keepEventIndex(
  store: Store,
  log?: (line: string) => void,
  { workerFrom = WORKER_THRESHOLD }: { workerFrom?: number } = {},
): () => void {
  const keeping: Keeping = { reopen: store.reopen, log, workerFrom };
  kept.set(store, keeping);
  return () => {
    keeping.stopped = true;
    void keeping.building?.worker?.terminate();
    kept.delete(store);
  };
}

/**
 * The store's event index if it is current (read at the events' present revision); otherwise
 * undefined, and a build is started, so the caller answers with SQL this time.
 */
export async function currentEventIndex(store: Store): Promise<EventMemoryIndex | undefined> {
  const keeping = kept.get(store);
  if (!keeping) return undefined;
  const revision = await readEventsRevision(store.db);
  if (keeping.index?.data.revision === revision) return keeping.index;
  if (!keeping.building && keeping.notBuiltAt !== revision) build(store, keeping, revision);
  return undefined;
}

/**
 * Builds the store's event index now if it is not current, and resolves when it is built (or
 * cannot be): a server starting up waits for it, as it waits for its first answers.
 */
export async function eventIndexBuilt(store: Store): Promise<void> {
  const keeping = kept.get(store);
  if (!keeping || (await currentEventIndex(store))) return;
  await keeping.building?.finished;
}

/** Builds the index (in a worker when the store can be reopened there) and keeps it when current. */
function build(store: Store, keeping: Keeping, revision: number): void {
  let finish = () => {};
  keeping.building = { revision, finished: new Promise<void>((resolve) => (finish = resolve)) };
  const started = performance.now();
  const done = (data: EventIndexData | null | 'not-built', why?: string) => {
    keeping.building = undefined;
    finish();
    if (keeping.stopped) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (data === 'not-built') {
      keeping.notBuiltAt = revision;
      keeping.log?.(`tandem: the map and lists read the database (no event index in memory: ${why})`);
    } else if (data) {
      keeping.index = new EventMemoryIndex(data);
      keeping.log?.(
        `tandem: ${data.id.length} events indexed in memory for the map and lists (${seconds} s, ${megabytes(data)} MB)`,
      );
    }
  };
  void storedEvents(store).then(
    (events) => {
      if (keeping.reopen && events >= keeping.workerFrom && keeping.building)
        keeping.building.worker = inWorker(keeping.reopen, done);
      else readEventIndexData(store.db).then(done, (e) => done('not-built', (e as Error).message));
    },
    (e) => done('not-built', (e as Error).message),
  );
}

/** Stores smaller than this are indexed in this thread: a worker's start-up would cost more. */
const WORKER_THRESHOLD = 100_000;

/** How many events the store holds, from the country roll-up (one small read). */
async function storedEvents(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('country_counts')
    .select((eb) => eb.fn.sum<number>('events').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Reads the index's data in a worker thread on its own connection. */
function inWorker(
  reopen: StoreOptions,
  done: (data: EventIndexData | null | 'not-built', why?: string) => void,
): Worker {
  const worker = new Worker(new URL('./event-index-worker.mjs', import.meta.url), { workerData: reopen });
  worker.unref();
  let settled = false;
  worker.on('message', (m: { data?: EventIndexData; notBuilt?: string }) => {
    settled = true;
    done(m.data ?? (m.notBuilt ? 'not-built' : null), m.notBuilt);
  });
  // A worker that failed leaves the reads on SQL until the next change to the events.
  const failed = (e?: Error) => {
    if (settled) return;
    settled = true;
    done('not-built', e?.message ?? 'the worker stopped');
  };
  worker.on('error', failed);
  worker.on('exit', () => failed());
  return worker;
}

/** The index's typed arrays, in megabytes (a tenth below ten): what it holds in memory, names aside. */
function megabytes(data: EventIndexData): string {
  const mb = transferables(data).reduce((n, b) => n + b.byteLength, 0) / 1e6;
  return mb < 10 ? mb.toFixed(1) : mb.toFixed(0);
}
