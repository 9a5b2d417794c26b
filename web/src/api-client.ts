/** An API failure as the server words it: a stable code and a message a person can act on. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) p.append(k, item);
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      'internal',
      `the server answered something that is not JSON (HTTP ${res.status})`,
      res.status,
    );
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: unknown } })?.error;
    throw new ApiError(e?.code ?? 'internal', e?.message ?? `HTTP ${res.status}`, res.status, e?.details);
  }
  return body as T;
}

/** Requests index.html sent before the code loaded, by URL; each is used once. */
const early =
  (globalThis as { tandemEarly?: Record<string, Promise<Response> | undefined> }).tandemEarly ?? {};

/** GET a read route, for example `get('/api/areas', {country})`. */
export async function get<T>(path: string, q?: Query, signal?: AbortSignal): Promise<T> {
  const url = `${path}${queryString(q)}`;
  const sent = early[url];
  if (sent) {
    delete early[url];
    // A failed early request is simply asked again.
    const res = await sent.catch(() => null);
    signal?.throwIfAborted();
    if (res) return answer<T>(res);
  }
  return answer<T>(await fetch(url, { signal }));
}

/** Runs any operation of the engine by name, as `POST /api/ops/{name}`. */
export async function runOperation<T>(name: string, input: unknown, signal?: AbortSignal): Promise<T> {
  return answer<T>(
    await fetch(`/api/ops/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      signal,
    }),
  );
}
