import type { PocCategory, Provision, ProvisionCode } from '../domain/provision.ts';
import { NegationScope } from './negation-scope.ts';
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
 * sentence (the words used in another sense), when the text negates it (negation-scope.ts: "does
 * not apply to …", "No peacekeeping force shall be deployed", "… ne relève pas du présent Accord",
 * but not a prohibition such as "Children shall not be recruited"), or when it crosses a provision
 * boundary. A hit in a provision's heading ("Article 3 – Désarmement") is dropped too when the
 * provision's body speaks of the topic only to rule it out. Front matter (contents, acronyms) is
 * never coded. Each rule's phrases are searched once over the whole text, so a long agreement
 * costs a few scans, not one per provision.
 */
export function codeProvisions(text: string, provisions: Provision[], rules: PocRules): Provision[] {
  const bounds = sentenceEnds(text);
  const hitsByList = rules.bank.scan(indexText(text, rules.wording));
  const ordered = [...provisions].sort((a, b) => a.start - b.start);
  const starts = ordered.map((p) => p.start);
  const found = new Map<Provision, ProvisionCode[]>();
  const count = new Map<string, number>();
  const negation = new NegationScope(text, rules.negation);
  /** Where each category was ruled out: the starts of its negated hits. */
  const ruledOut = new Map<PocCategory, number[]>();
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
      const sentenceTo = bounds[sentenceIndex(bounds, Math.max(hit.start, hit.end - 1))] ?? text.length;
      if (negation.negated(hit.start, hit.end, sentenceStart(bounds, hit.start), sentenceTo)) {
        ruledOut.set(rule.category, [...(ruledOut.get(rule.category) ?? []), hit.start]);
        continue;
      }
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
  if (ruledOut.size) dropRuledOutHeadings(provisions, found, ruledOut);
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

/**
 * A heading names a topic; when the provision under it (its text after the heading and its
 * sub-provisions) speaks of the same category only in negated phrases, the heading's code goes too:
 * "Article 8 – Cessez-le-feu" over "aucun cessez-le-feu n'est en vigueur" is no cease-fire provision.
 */
function dropRuledOutHeadings(
  provisions: Provision[],
  found: Map<Provision, ProvisionCode[]>,
  ruledOut: Map<PocCategory, number[]>,
): void {
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const children = new Map<string, Provision[]>();
  for (const p of provisions) {
    if (p.parentId) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  }
  const subtree = (p: Provision): Provision[] => [
    p,
    ...(children.get(p.id) ?? []).flatMap((c) => subtree(c)),
  ];
  for (const [p, codes] of found) {
    const bodyFrom = operativeStart(p, p.parentId ? byId.get(p.parentId) : undefined);
    if (bodyFrom === p.start) continue;
    const labels = codes.filter((c) => c.span.start < bodyFrom && ruledOut.has(c.code));
    if (!labels.length) continue;
    const body = subtree(p).map((q) => ({ from: q === p ? bodyFrom : q.start, to: q.end, q }));
    const inBody = (at: number) => body.some((b) => at >= b.from && at < b.to);
    const drop = new Set<ProvisionCode>();
    for (const c of labels) {
      const provided = body.some(({ q, from }) =>
        (found.get(q) ?? []).some((d) => d.code === c.code && d.span.start >= from),
      );
      if (!provided && (ruledOut.get(c.code) ?? []).some(inBody)) drop.add(c);
    }
    if (drop.size)
      found.set(
        p,
        codes.filter((c) => !drop.has(c)),
      );
  }
}

/**
 * Where a provision's operative text begins: after its number and its own heading when it opens
 * with them ("Article 10 – Force internationale", "1.1 Definitions.", "CHAPTER II: PERMANENT
 * CEASEFIRE"), else at its start. A heading the provision inherits from its parent is not its own.
 * A provision whose text is only its number and heading has no operative text: this is its end.
 */
export function operativeStart(p: Provision, parent?: Provision): number {
  const heading = p.heading.trim();
  if (!heading || (parent && parent.heading.trim() === heading)) return p.start;
  const first = p.text.indexOf('\n');
  const second = first < 0 ? -1 : p.text.indexOf('\n', first + 1);
  const lines = second < 0 ? p.text : p.text.slice(0, second);
  const at = lines.toLowerCase().indexOf(heading.toLowerCase());
  if (at < 0) return p.start;
  const before = lines.slice(0, at);
  const isNumber =
    /^[\s\p{N}.()°:\-–—]*$/u.test(before) ||
    /^\s*(?:\p{L}+\.?\s*)?(?:\p{N}+(?:er|re|ère)?|[IVXLCivxlc]+|[A-Z])(?:\s+(?:bis|ter|quater))?(?:\.\p{N}+)*\s*[.:\-–—)]*\s*$/u.test(
      before,
    );
  const after = lines.slice(at + heading.length);
  if (!isNumber || !/^[ \t]*(?:[.:\-–—]|\n|$)/.test(after)) return p.start;
  return p.start + at + heading.length + (/^[ \t.:\-–—]*\n?[ \t]*/.exec(after)?.[0].length ?? 0);
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
