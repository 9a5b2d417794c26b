import type { z } from 'zod';
import type { Sensitivity } from '../domain/sensitivity.ts';
import type { Store } from '../store/store.ts';

/** Who is asking. The CLI acts as the local user; the API names the user from its session or token. */
export interface Requester {
  name: string;
  roles: readonly string[];
  /**
   * The field offices the person belongs to, for need-to-know (`all-offices` for every office).
   * Absent for the person at the terminal, who reads what the database file holds.
   */
  offices?: readonly string[];
}

/** What an operation that needs no store gets: who is asking, and where to report progress. */
export interface BaseContext {
  requester: Requester;
  /** Where a long operation (an import) reports how far it got, for a progress bar. */
  onProgress?: (p: { path: string; rows: number }) => void;
}

/** What every operation that reads or writes the store gets: the open store and who is asking. */
export interface AppContext extends BaseContext {
  store: Store;
}

/**
 * What an operation needs to run: the shared store (most), a connection of its own (a long write,
 * an event import, so that readers keep the last committed state until it commits), or no store
 * at all (reviewing an agreement text, checking a file).
 */
export type StoreNeed = 'store' | 'own-connection' | 'none';

/**
 * One thing the product does, with its validated input. The CLI, the HTTP API and the web
 * workbench all run operations through `runOperation` (run-operation.ts), which parses the input,
 * checks the rights below, and gives the operation what it declares it needs.
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
  /**
   * It reads paths on the machine it runs on. Such an operation is for the CLI only: over HTTP it
   * would let anyone with an account read the server's files, so the API refuses it
   * (`local-only`) and the workbench uploads files instead.
   */
  local?: boolean;
  /**
   * Its input holds what JSON cannot carry (a function to write to): it runs inside the process,
   * and the API serves it on a route of its own, named here, instead of POST /api/ops/{name}.
   */
  servedAt?: string;
  /** What it needs to run; the shared store unless said otherwise. */
  needs?: StoreNeed;
  /** The clearance a requester must hold to run it at all (the access log, for instance). */
  requires?: Sensitivity;
}

/** An operation that needs no store: its `run` takes only who is asking. */
export interface StorelessOperation<I, O> extends Omit<Operation<I, O>, 'run' | 'needs'> {
  needs: 'none';
  run(ctx: BaseContext, input: I): Promise<O>;
}

/**
 * Declares an operation. The rights it declares (writes, requires, local) are checked by
 * `runOperation` before it runs, so no caller, CLI, API or workbench, can go round them.
 */
export function defineOperation<I, O>(op: Operation<I, O> | StorelessOperation<I, O>): Operation<I, O> {
  // A storeless operation's run takes a narrower context, which every AppContext satisfies.
  return op as Operation<I, O>;
}
