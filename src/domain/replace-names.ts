/**
 * `value` with each of `names` replaced by `replacement` in every string it holds, object keys
 * included, at any depth. Names are replaced longest first, so that a name inside another is not
 * replaced first. Each of `keep` (identifiers the reader has in front of them, such as a plan's
 * activity "A-FARDC") stays whole where it appears; one that a name holds, or that holds no name,
 * keeps nothing, so that it cannot shelter a name.
 */
export function replaceNames<T>(
  value: T,
  names: Iterable<string>,
  replacement: string,
  keep: Iterable<string> = [],
): T {
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  const kept = [...new Set(keep)]
    .filter(
      (k) => longestFirst.some((n) => k !== n && k.includes(n)) && !longestFirst.some((n) => n.includes(k)),
    )
    .sort((a, b) => b.length - a.length);
  const replaceIn = (t: string): string =>
    longestFirst.reduce((s, n) => (s.includes(n) ? s.split(n).join(replacement) : s), t);
  const scrubText = (t: string): string => {
    const k = kept.find((x) => t.includes(x));
    return k === undefined ? replaceIn(t) : t.split(k).map(scrubText).join(k);
  };
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v);
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

/**
 * A result whose groups harmed were withheld (replaceNames) with the perpetrators named beside
 * them withheld too: a group known only from records withheld from the reader ties whoever harmed
 * it to those records ("Jubaland State Forces" against "(withheld)" in Lower Juba, from one
 * restricted incident, where public events name the forces elsewhere). A threat row
 * ({perpetrator, targetedPopulation}) takes the withheld name; a perpetrator's list of groups
 * harmed ({actor, targetedPopulations}) leaves the withheld group out.
 */
export function unlinkWithheldHarm<T>(value: T, withheld: string): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    const { perpetrator, targetedPopulation, actor, targetedPopulations } = out;
    if (
      typeof perpetrator === 'string' &&
      typeof targetedPopulation === 'string' &&
      targetedPopulation.includes(withheld)
    )
      out.perpetrator = withheld;
    if (typeof actor === 'string' && Array.isArray(targetedPopulations) && !actor.includes(withheld))
      out.targetedPopulations = targetedPopulations.filter((g) => !String(g).includes(withheld));
    return out;
  };
  return walk(value) as T;
}
