import type { z } from 'zod';
import type { Store } from '../store/store.ts';

/** Who is asking. The CLI acts as the local user; the API names the user from its auth header. */
export interface Requester {
  name: string;
  roles: readonly string[];
}

/** What every operation gets: the open store and who is asking. */
export interface AppContext {
  store: Store;
  requester: Requester;
}

/**
 * One thing the product does, with its validated input. The CLI, the HTTP API and the web
 * workbench all call operations from the one table in operations.ts, so they cannot drift apart.
 */
export interface Operation<I, O> {
  summary: string;
  input: z.ZodType<I>;
  run(ctx: AppContext, input: I): Promise<O>;
}

export function defineOperation<I, O>(op: Operation<I, O>): Operation<I, O> {
  return op;
}
