import { isTandemError } from '../domain/tandem-error.ts';
import { keyFilePath } from '../security/master-key.ts';

/** The one error body every API failure answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * Turns anything thrown while answering a request into a status and a body. A TandemError is the
 * user's to fix and keeps its code, message and details; anything else is a bug in Tandem, so the
 * caller learns only that, and the server's log gets the stack.
 */
export function errorResponse(
  e: unknown,
  log: (line: string) => void = defaultLog,
): {
  status: number;
  body: ErrorBody;
} {
  if (isTandemError(e)) {
    // Where the server keeps its master key is the operator's business, not every signed-in
    // reader's: the path goes to the server's log, the answer says "the server's key file".
    const keyFile = keyFilePath();
    let message = e.message;
    if (message.includes(keyFile)) {
      log(`tandem serve: ${message}`);
      message = message.replaceAll(keyFile, "the server's key file");
    }
    const error: ErrorBody['error'] = { code: e.code, message };
    if (e.details !== undefined) error.details = e.details;
    return { status: e.httpStatus, body: { error } };
  }
  const err = e as Error;
  log(`tandem serve: internal error: ${err?.stack ?? String(e)}`);
  return {
    status: 500,
    body: {
      error: { code: 'internal', message: 'internal error in Tandem; the server log has the details' },
    },
  };
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}
