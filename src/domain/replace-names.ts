/**
 * `value` with each of `names` replaced by `replacement` in every string it holds, object keys
 * included, at any depth. Names are replaced longest first, so that a name inside another is not
 * replaced first.
 */
export function replaceNames<T>(value: T, names: Iterable<string>, replacement: string): T {
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string')
      return longestFirst.reduce((t, n) => (t.includes(n) ? t.split(n).join(replacement) : t), v);
    if (Array.isArray(v)) return v.map(scrub);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[scrub(k) as string] = scrub(x);
      return out;
    }
    return v;
  };
  return scrub(value) as T;
}
