/**
 * How a front end reaches the store: it opens one (by file or URL) and hands it to operations, and
 * never queries it itself. The CLI and the server import these from here, not from `store/`, so
 * that every read and write goes through an operation and its access check.
 */

/**
 * A server keeps the events' index in memory for its dashboard reads (store/event-memory-index.ts),
 * current through store/event-index-keeper.ts.
 */
export { eventIndexBuilt, keepEventIndex } from '../store/event-index-keeper.ts';
export { isPostgresUrl, openStore, type Store, type StoreOptions } from '../store/store.ts';
