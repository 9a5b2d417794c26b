import type { z } from 'zod';
import { FieldError } from '../domain/field-error.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { appendAudit } from '../security/audit-chain.ts';
import type { Store } from '../store/store.ts';
import { assertClearance, assertMayWrite } from './access-control.ts';
import { withStoredAdmin1 } from './area-input.ts';
import { withStoredCountry } from './country-input.ts';
import { plainIssueText } from './input-issue-text.ts';
import type { AppContext, BaseContext, Operation } from './operation.ts';

/** Which front end is asking: the API refuses operations that read the server's own files. */
export type FrontEnd = 'cli' | 'http' | 'server';

/** One field of the input that failed validation: its path and what was expected. */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}

export interface OperationCall extends BaseContext {
  via: FrontEnd;
  /** The operation's name, for messages. */
  name: string;
  /** The open store; opened on demand through `openStore` when absent. */
  store?: Store;
  /** Opens a store (for the CLI, which opens one only for operations that need one). */
  openStore?: () => Promise<Store>;
  /**
   * Opens a connection of the operation's own, for operations that need one; the shared store is
   * used where the front end has none to give (PostgreSQL already gives each transaction its own).
   */
  openOwnConnection?: () => Promise<Store | null>;
  /** How the front end names a field of the input in a message (the CLI says `--flag`). */
  fieldName?: (path: (string | number)[]) => string;
}

/**
 * Runs an operation the one way every front end does: refuses a local-only operation over HTTP,
 * parses the raw input with the operation's schema (a failure is a `bad-input` error naming each
 * field and what was expected, with the issues as details), checks the requester's clearance and
 * write rights, gives the operation the store it declares it needs, and runs it.
 */
export async function runOperation<I, O>(op: Operation<I, O>, raw: unknown, call: OperationCall): Promise<O> {
  await assertMayRunAudited(op, call);
  const input = parseOperationInput(op.input, raw, call);
  if (typeof op.writes === 'function' && op.writes(input)) {
    try {
      assertMayWrite(call.requester, op.summary);
    } catch (e) {
      await auditRefusal(call.store, call, e);
      throw e;
    }
  }

  const base: BaseContext = { requester: call.requester, onProgress: call.onProgress };
  let opened: Store | null = null;
  try {
    // The operation declared that it never touches the store: it gets none.
    if (op.needs === 'none') return await op.run(base as AppContext, input);
    if (op.needs === 'own-connection' && call.openOwnConnection) opened = await call.openOwnConnection();
    let store = opened ?? call.store;
    if (!store) {
      if (!call.openStore) throw new Error(`no store was given to run ${call.name}`);
      opened = await call.openStore();
      store = opened;
    }
    return await op.run(
      { ...base, store },
      await withStoredAdmin1(store, await withStoredCountry(store, input)),
    );
  } catch (e) {
    await auditRefusal(opened ?? call.store, call, e);
    throw inFrontEndNames(e, call);
  } finally {
    if (opened) await opened.close();
  }
}

/** A refusal about fields of the input (FieldError), with the fields named as the caller names them. */
function inFrontEndNames(e: unknown, call: Pick<OperationCall, 'fieldName'>): unknown {
  const name = call.fieldName;
  return e instanceof FieldError && name ? e.namedBy((field) => name([field])) : e;
}

/** The local-only operations whose file the browser can upload instead (API probe: the others have no upload). */
const UPLOADED_INSTEAD: Readonly<Record<string, string>> = {
  importFiles: 'POST /api/imports?name=FILE',
  loadBoundaries: 'POST /api/imports?name=FILE&kind=boundaries',
};

/**
 * The refusals that need no input: a local-only operation over HTTP, a clearance the requester
 * lacks, a write by a read-only role. The server checks them before it reads a request's body.
 */
export function assertMayRun<I, O>(
  op: Operation<I, O>,
  call: Pick<OperationCall, 'via' | 'name' | 'requester'>,
): void {
  if (op.local && call.via === 'http') {
    const upload = UPLOADED_INSTEAD[call.name];
    throw new TandemError(
      'local-only',
      upload
        ? `${call.name} reads files on the machine it runs on, so it is offered on the command line only; upload the file instead (${upload})`
        : `${call.name} is offered on the server's own command line only (it reads files there, or manages the server's keys and accounts); ask the server's administrator`,
    );
  }
  if (op.requires) assertClearance(call.requester, op.requires, call.name);
  if (op.writes === true) assertMayWrite(call.requester, op.summary);
}

/** Parses raw input with an operation's schema; a failure names every field at fault. */
export function parseOperationInput<I>(
  schema: z.ZodType<I>,
  raw: unknown,
  call: Pick<OperationCall, 'name' | 'fieldName'>,
): I {
  // The input is reported so that a refused value can be quoted ("got \"state-forces\"").
  const r = schema.safeParse(raw, { reportInput: true });
  const issues: InputIssue[] = r.success
    ? controlCharacters(r.data)
    : r.error.issues.flatMap((i) => {
        const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
        // Each field a strict object does not take is named where it stands (victims.killed).
        if (i.code === 'unrecognized_keys')
          return i.keys.map((k) => ({ path: [...path, k], message: 'not a field Tandem reads (misspelt?)' }));
        return [{ path, message: plainIssueText(i) }];
      });
  if (r.success && !issues.length) return r.data;
  const name = call.fieldName ?? ((p: (string | number)[]) => p.join('.'));
  const text = issues.map((i) => (i.path.length ? `${name(i.path)}: ${i.message}` : i.message)).join('; ');
  throw new TandemError('bad-input', `invalid input for ${call.name}: ${text}`, {
    details: { issues: issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message })) },
  });
}

/**
 * NUL characters in text: no field of Tandem's means anything with one, and PostgreSQL refuses
 * them, so they are refused here as bad input rather than failing deep in the store.
 */
function controlCharacters(
  value: unknown,
  path: (string | number)[] = [],
  out: InputIssue[] = [],
): InputIssue[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: 'text may not contain NUL characters' });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) controlCharacters(v, [...path, i], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) controlCharacters(v, [...path, k], out);
  }
  return out;
}

/**
 * A refusal ('forbidden': a record beyond the requester's reach, a write by a read-only role, a
 * lowering of a record's sensitivity; 'unavailable': a protected record that the machine has no
 * master key to seal or open) is written to the audit chain, as reads are: who tried which
 * operation and why it was refused. The message names no protected content (the refusals are
 * worded so). Nothing is written where there is no store to write to.
 */
async function auditRefusal(store: Store | null | undefined, call: OperationCall, e: unknown): Promise<void> {
  if (!store || !(e instanceof TandemError) || (e.code !== 'forbidden' && e.code !== 'unavailable')) return;
  try {
    await appendAudit(store.db, [
      {
        actor: call.requester.name,
        action: 'refused',
        recordKind: 'operation',
        recordId: call.name,
        sensitivity: 'internal',
        detail: { via: call.via, reason: e.message.slice(0, 500) },
      },
    ]);
  } catch {
    // The refusal stands whether or not it could be written down (a store closing, a lock).
  }
}

/** assertMayRun, its refusal written to the audit chain (the server checks before reading a body). */
export async function assertMayRunAudited<I, O>(op: Operation<I, O>, call: OperationCall): Promise<void> {
  try {
    assertMayRun(op, call);
  } catch (e) {
    await auditRefusal(call.store, call, e);
    throw e;
  }
}
