/**
 * People write actors as they say them ("SPLM-IO", "the Anti-Balaka"); the event data spells them
 * as ACLED or UCDP do ("SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition",
 * "Anti-Balaka"). An actor named in a plan or a negotiation file that matches nothing is silently
 * left out of the checks, so Tandem says so and offers the data's names that come close.
 */
export interface KnownActor {
  name: string;
  aliases: readonly string[];
  /** Events in the data, to put the most active of equally close names first. */
  events: number;
}

// Words that tell nothing apart: "Forces of X" should not match every force in the data.
const FILLER = new Set(['of', 'the', 'and', 'de', 'des', 'du', 'la', 'le', 'les', 'et', 'forces', 'force']);

function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether `w` is the initials of a run of consecutive words ("io" in "in opposition"). */
function initialsOfRun(w: string, of: readonly string[]): boolean {
  if (w.length < 2) return false;
  for (let i = 0; i + w.length <= of.length; i++) {
    let k = 0;
    while (k < w.length && of[i + k][0] === w[k]) k++;
    if (k === w.length) return true;
  }
  return false;
}

function matches(w: string, of: readonly string[]): boolean {
  return of.some((t) => t === w || (w.length >= 3 && t.startsWith(w))) || initialsOfRun(w, of);
}

/** How close a written name is to one of the data's names (its words), 0–1: the share of its words found. */
function closeness(written: readonly string[], of: readonly string[]): number {
  if (!of.length) return 0;
  return written.filter((w) => matches(w, of)).length / written.length;
}

/**
 * The data's names closest to `written`, at most `limit`, the most active first: those that hold
 * the largest share of its telling words, at least half of them and one a real word (three
 * letters or more).
 */
export function closeActorNames(written: string, known: readonly KnownActor[], limit = 3): string[] {
  const all = words(written);
  const telling = all.filter((w) => !FILLER.has(w));
  const query = telling.length ? telling : all;
  if (!query.length) return [];
  const scored: { name: string; score: number; tight: number; events: number }[] = [];
  for (const a of known) {
    const own = words(a.name);
    const names = [own, ...a.aliases.map(words)];
    const score = Math.max(...names.map((n) => closeness(query, n)));
    const solid = query.some((w) => w.length >= 3 && names.some((n) => matches(w, n)));
    // Of names equally close, the one with the fewest words beyond those written comes first.
    const ownTelling = own.filter((w) => !FILLER.has(w));
    const tight = ownTelling.length
      ? ownTelling.filter((w) => query.some((q) => matches(q, [w]))).length / ownTelling.length
      : 0;
    if (score >= 0.5 && solid && a.name !== written)
      scored.push({ name: a.name, score, tight, events: a.events });
  }
  scored.sort(
    (x, y) => y.score - x.score || y.tight - x.tight || y.events - x.events || x.name.localeCompare(y.name),
  );
  // Only the closest: a name that shares fewer words is noise beside one that shares them all.
  return scored
    .filter((s) => s.score === scored[0].score)
    .slice(0, limit)
    .map((s) => s.name);
}

/** "X (did you mean "A" or "B"?)", or just X when nothing comes close. */
export function withSuggestions(written: string, close: readonly string[]): string {
  if (!close.length) return written;
  return `${written} (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)`;
}
