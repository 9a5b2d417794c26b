import { currentEventIndex } from '../src/store/event-index-keeper.ts';
import type { Store } from '../src/store/store.ts';

/** Waits until the store's index in memory is built at the events' present revision. */
export async function builtIndex(store: Store) {
  for (let i = 0; i < 600; i++) {
    const index = await currentEventIndex(store);
    if (index) return index;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the event index was not built within 30 s');
}
