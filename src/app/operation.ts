import type { z } from 'zod';
import type { Store } from '../store/store.ts';
import { assertMayWrite } from './access-control.ts';

/** Who is asking. The CLI acts as the local user; the API names the user from its auth header. */
export interface Requester {
  name: string;
  roles: readonly string[];
}

/** What every operation gets: the open store and who is asking. */
export interface AppContext {
  store: Store;
  requester: Requester;
  /** Where a long operation (an import) reports how far it got, for a progress bar. */
  onProgress?: (p: { path: string; rows: number }) => void;
}

/**
 * One thing the product does, with its validated input. The CLI, the HTTP API and the web
 * workbench all call operations from the one table in operations.ts, so they cannot drift apart.
 */
export interface Operation<I, O> {
  summary: string;
  input: z.ZodType<I>;
  run(ctx: AppContext, input: I): Promise<O>;
  /**
   * Whether it changes the store, which read-only roles may not do; a function where it writes
   * only on request (a proposal with `save`).
   */
  writes?: boolean | ((input: I) => boolean);
}

/**
 * Declares an operation. One that writes has the access check's write rule (access-control.ts)
 * put in front of it here, so no caller, CLI, API or workbench, can go round it.
 */
export function defineOperation<I, O>(op: Operation<I, O>): Operation<I, O> {
  const writes = op.writes;
  if (!writes) return op;
  return {
    ...op,
    run: async (ctx, input) => {
      if (writes === true || writes(input)) assertMayWrite(ctx.requester, op.summary);
      return op.run(ctx, input);
    },
  };
}
