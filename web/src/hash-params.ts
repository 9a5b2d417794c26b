import { useEffect, useState } from 'react';

/**
 * The page's parameters as the address carries them after the page name
 * (`#/PAGE?country=…&from=…&to=…&area=…`), so that a choice survives a reload and can be linked.
 */
export function hashParams(hash: string = window.location.hash): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** The page's name in the address: `plan` for `#/plan?mission=…`. */
export function hashPage(hash: string = window.location.hash): string {
  return hash.replace(/^#\/?/, '').split('?')[0]!.split('/')[0] ?? '';
}

/**
 * Changes some parameters of the current page's address, keeping the others (an empty or undefined
 * value removes one). `replace` keeps the change out of the browser's history.
 */
export function setHashParams(changes: Record<string, string | number | undefined>, replace = false): void {
  const params = hashParams();
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') params.delete(k);
    else params.set(k, String(v));
  }
  const base = window.location.hash.split('?')[0] || '#/';
  const q = params.toString();
  const next = q ? `${base}?${q}` : base;
  if (replace) {
    history.replaceState(null, '', next);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = next;
}

/** The current page's parameters, read again whenever the address changes. */
export function useHashParams(): URLSearchParams {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hashParams(hash);
}
