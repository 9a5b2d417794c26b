import type { Provision, ProvisionCode } from '../domain/provision.ts';
import { indexText, type PhraseHit, type PhraseMatcher } from './phrase-bank.ts';
import type { CompiledRule, PocRules } from './poc-rules.ts';

/** At most this many codes per category on one provision: enough to show why, not every repeat. */
const MAX_HITS_PER_CATEGORY = 3;

interface Hit extends PhraseHit {
  note?: string;
}

/**
 * Codes the provisions of a document for the POC categories, in place. Each code quotes the span
 * that justifies it (offsets into the document text) and names the rule and phrase that fired. A
 * hit is dropped when a rule's exception covers it, when one of its `unless` phrases is in the same
 * sentence (the words used in another sense), when a negation cue ("does not apply to",
 * "excluding") comes within the 80 characters before it in the same sentence, or when it crosses a
 * provision boundary. Front matter (contents, acronyms) is never coded. Each rule's phrases are
 * searched once over the whole text, so a long agreement costs a few scans, not one per provision.
 */
export function codeProvisions(text: string, provisions: Provision[], rules: PocRules): Provision[] {
  const bounds = sentenceEnds(text);
  const hitsByList = rules.bank.scan(indexText(text, rules.wording));
  const ordered = [...provisions].sort((a, b) => a.start - b.start);
  const starts = ordered.map((p) => p.start);
  const found = new Map<Provision, ProvisionCode[]>();
  const count = new Map<string, number>();
  for (const rule of rules.rules) {
    const listed = (m: PhraseMatcher | undefined) => (m ? [hitsByList[m.id]] : []);
    const excepted = [rule.except, ...rule.narrowed.map((n) => n.except)].flatMap(listed);
    const unless = [rule.unless, ...rule.narrowed.map((n) => n.unless)].flatMap(listed);
    for (const hit of ruleHits(rule, text, hitsByList, bounds)) {
      const p = provisionAt(ordered, starts, hit.start);
      if (!p || hit.end > p.end || p.kind === 'front-matter') continue;
      const key = `${p.id}\u0000${rule.category}`;
      const n = count.get(key) ?? 0;
      if (n >= MAX_HITS_PER_CATEGORY) continue;
      if (excepted.some((spans) => spans.length && overlapsSorted(hit, spans))) continue;
      if (unless.some((spans) => inSentence(bounds, hit, spans))) continue;
      if (negated(text, sentenceStart(bounds, hit.start), hit.start, rules.negation)) continue;
      const list = found.get(p) ?? [];
      if (list.some((c) => c.code === rule.category && c.span.start === hit.start)) continue;
      list.push({
        code: rule.category,
        span: { start: hit.start, end: hit.end, text: hit.text },
        rule: rule.id,
        why: `${rule.category} rule '${rule.id}' matched "${hit.text}"${hit.note ?? ''}`,
      });
      found.set(p, list);
      count.set(key, n + 1);
    }
  }
  for (const p of provisions) {
    p.codes = (found.get(p) ?? []).sort(
      (x, y) => x.span.start - y.span.start || x.code.localeCompare(y.code),
    );
  }
  return provisions;
}

/** Codes a single provision on its own text (spans still point into the document via p.start). */
export function codeProvision(p: Provision, rules: PocRules): ProvisionCode[] {
  const local: Provision = { ...p, start: 0, end: p.text.length, codes: [] };
  codeProvisions(p.text, [local], rules);
  return local.codes.map((c) => ({
    ...c,
    span: { ...c.span, start: c.span.start + p.start, end: c.span.end + p.start },
  }));
}

function ruleHits(rule: CompiledRule, text: string, found: PhraseHit[][], bounds: number[]): Hit[] {
  if (rule.phrases) return found[rule.phrases.id];
  const near = rule.near!;
  const as = found[near.a.id];
  if (!as.length) return [];
  const bs = found[near.b.id];
  const out: Hit[] = [];
  let j0 = 0;
  for (const a of as) {
    const sEnd = bounds[sentenceIndex(bounds, a.start)] ?? text.length;
    const sStart = sentenceStart(bounds, a.start);
    while (j0 < bs.length && bs[j0].end <= sStart) j0++;
    for (let j = j0; j < bs.length && bs[j].start < sEnd; j++) {
      const b = bs[j];
      if (b.start < sStart || (a.start < b.end && b.start < a.end)) continue;
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      if (second.start < first.end || wordsBetween(text, first.end, second.start) > near.window) continue;
      out.push({
        start: first.start,
        end: second.end,
        text: text.slice(first.start, second.end),
        note: ` ("${a.text}" near "${b.text}")`,
      });
      break;
    }
  }
  return out;
}

function wordsBetween(text: string, from: number, to: number): number {
  if (to - from > 400) return Number.POSITIVE_INFINITY;
  const gap = text.slice(from, to).trim();
  return gap === '' ? 0 : gap.split(/\s+/).length;
}

/** Whether any of the (start-sorted) spans lies in the sentence of the hit. */
function inSentence(bounds: number[], hit: { start: number; end: number }, spans: PhraseHit[]): boolean {
  if (!spans.length) return false;
  const from = sentenceStart(bounds, hit.start);
  const to = bounds[sentenceIndex(bounds, Math.max(hit.start, hit.end - 1))] ?? Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < to;
}

/** A negation cue in the 80 characters (about a dozen words) before the hit, in the same sentence. */
function negated(text: string, sentenceFrom: number, at: number, negation: RegExp): boolean {
  negation.lastIndex = 0;
  return negation.test(text.slice(Math.max(sentenceFrom, at - 80), at));
}

/** Offsets just after each sentence end: . ; ! ? before a space, and every line end. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.;!?](?=\s)|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  ends.push(text.length);
  return ends;
}

/** Index of the first sentence end after pos. */
function sentenceIndex(ends: number[], pos: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sentenceStart(ends: number[], pos: number): number {
  const i = sentenceIndex(ends, pos);
  return i === 0 ? 0 : ends[i - 1];
}

function provisionAt(ordered: Provision[], starts: number[], pos: number): Provision | null {
  let lo = 0;
  let hi = starts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return null;
  const p = ordered[best];
  return pos < p.end ? p : null;
}

/** Whether the hit overlaps any of the (start-sorted) spans. */
function overlapsSorted(hit: { start: number; end: number }, spans: PhraseHit[]): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < hit.end) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let k = hi; k >= 0 && k >= hi - 20; k--) if (spans[k].end > hit.start) return true;
  return false;
}
