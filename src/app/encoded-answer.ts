/**
 * An operation's answer that carries its own JSON text, encoded, for the HTTP API to send as it
 * is. Only for answers whose text is cheaper to copy than to build: the map's points, copied from
 * the event index (a page of 2,000 points is otherwise 2,000 arrays made, then written as JSON, on
 * every request). The text must be exactly what JSON.stringify writes for the answer, encoded as
 * UTF-8; test/event-memory-index.test.ts holds the points to that.
 */
const ENCODED = Symbol('the answer as encoded JSON');

/** `answer`, carrying `json` (its JSON.stringify text, encoded) for the HTTP API. */
export function withEncodedJson<T extends object>(answer: T, json: Uint8Array<ArrayBuffer>): T {
  Object.defineProperty(answer, ENCODED, { value: json });
  return answer;
}

/** The encoded JSON an answer carries, if it carries one. */
export function encodedJsonOf(answer: unknown): Uint8Array<ArrayBuffer> | undefined {
  return answer !== null && typeof answer === 'object'
    ? (answer as { [ENCODED]?: Uint8Array<ArrayBuffer> })[ENCODED]
    : undefined;
}

/**
 * An object whose property `name` is computed on first reading (and kept): an answer whose
 * structured form only the CLI and in-process callers read, while the HTTP API sends its text.
 */
export function withLazyField<T extends object, K extends string, V>(
  base: T,
  name: K,
  compute: () => V,
): T & Record<K, V> {
  let value: V | undefined;
  let computed = false;
  return Object.defineProperty(base, name, {
    enumerable: true,
    get: () => {
      if (!computed) {
        value = compute();
        computed = true;
      }
      return value;
    },
  }) as T & Record<K, V>;
}
