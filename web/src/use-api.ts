import { useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * Runs a request when its key changes and keeps the last answer, the error, and whether it is
 * still loading. A newer request cancels an older one, so a fast filter change never shows stale data.
 * `initial`, asked once, may give the first key's answer already at hand (api-client's arrived()):
 * it is shown at once and not asked for again.
 */
export function useApi<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  initial?: () => T | undefined,
): Loaded<T> {
  const [first] = useState(() => {
    const data = key === null ? undefined : initial?.();
    return { key: data === undefined ? null : key, data };
  });
  const [state, setState] = useState<Loaded<T>>(() =>
    first.data !== undefined
      ? { data: first.data, error: undefined, loading: false }
      : { data: undefined, error: undefined, loading: key !== null },
  );
  const skip = useRef(first.key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the request; load changes every render
  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    if (key === skip.current) {
      skip.current = null;
      return;
    }
    skip.current = null;
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    load(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: Error) => {
        if (!ctl.signal.aborted) setState({ data: undefined, error, loading: false });
      },
    );
    return () => ctl.abort();
  }, [key]);
  return state;
}
