import { POC_CATEGORIES, type PocCategory, type Provision, type ProvisionCode } from '../domain/provision.ts';
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
 * boundary. A hit in a provision's heading ("Article 3 – Désarmement", the agreement's title) is
 * dropped too unless the provision's operative text codes the same category: a heading names a
 * topic, it commits no one ("Article 3 – Protection des civils" over "Les modalités seront
 * précisées ultérieurement" covers nothing). Front matter (contents, acronyms) is
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
  /** Where each category's phrases were found and ruled out (negated, or shielded by an amnesty). */
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
      if (
        negation.negated(hit.start, hit.end, sentenceStart(bounds, hit.start), sentenceTo) ||
        (AMNESTY_REVERSES.has(rule.category) &&
          grantsImpunity(text.slice(sentenceStart(bounds, hit.start), sentenceTo)))
      ) {
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
  dropHeadingOnlyCodes(text, provisions, found, ruledOut);
  for (const p of provisions) {
    p.codes = (found.get(p) ?? []).sort(
      (x, y) => x.span.start - y.span.start || x.code.localeCompare(y.code),
    );
  }
  return provisions;
}

/**
 * Categories an amnesty reverses: an amnesty or immunity granted for a harm ("Une amnistie générale
 * est accordée …, y compris pour les actes de violence sexuelle", "L'amnistie couvre également le
 * recrutement d'enfants", "immunity from prosecution for attacks on civilians", « renoncent à
 * poursuivre les auteurs de violences sexuelles ») shields its authors; it is the opposite of a
 * provision protecting civilians, children or the survivors of sexual violence, so it is not coded
 * as one (impunityGrants lists it for the review instead).
 */
const AMNESTY_REVERSES: ReadonlySet<PocCategory> = new Set(['SexViol', 'GCh', 'ProtCiv', 'ProtGrp']);
const AMNESTY_RE =
  /(?<![\p{L}])(?:amnest\p{L}*|amnisti\p{L}*|pardon\p{L}*|graci[ée]\p{L}*|immunit[yée]\p{L}*|waive[sd]?\s+(?:any\s+|all\s+|the\s+)?(?:prosecution|criminal\s+proceedings|proceedings)|renonc\p{L}*\s+(?:à|a)\s+(?:toute\s+|toutes\s+)?(?:poursui\p{L}*|engager\s+des\s+poursuites)|renonc\p{L}*\s+aux\s+poursuites)/iu;
/** What refuses an amnesty or keeps a crime out of it: "no amnesty", "excluded from", "à l'exception de". */
const AMNESTY_REFUSED_RE =
  /(?<![\p{L}])(?:no|not|never|nor|nothing|rien|excluded?|excluding|exclusion|except|exception|other\s+than|save\s+for|shall\s+not|aucune?|nulle?|pas|jamais|exclu\p{L}*|sauf|hormis|except[ée]\p{L}*|exception|en\s+dehors|ne\s+saurai\p{L}*|n['’]\p{L}+)(?![\p{L}])/iu;

/** Whether a sentence grants an amnesty without refusing it or keeping anything out of it. */
function grantsImpunity(sentence: string): boolean {
  return AMNESTY_RE.test(sentence) && !AMNESTY_REFUSED_RE.test(sentence);
}

/**
 * The sentences of a document that grant an amnesty or an immunity, or waive prosecution, without
 * refusing it or keeping any crime out of it: what a POC adviser must raise, since the UN does not
 * endorse amnesties for genocide, crimes against humanity, war crimes or gross violations of human
 * rights, sexual violence among them. Each with the provision it is in and the sentence quoted.
 */
export function impunityGrants(
  text: string,
  provisions: readonly Provision[],
): { provision: string; quote: string }[] {
  const out: { provision: string; quote: string }[] = [];
  // Most agreements grant none: one scan of the whole text before any sentence is cut out.
  if (!AMNESTY_RE.test(text)) return out;
  const bounds = sentenceEnds(text);
  const ordered = [...provisions].filter((p) => p.kind !== 'front-matter').sort((a, b) => a.start - b.start);
  const starts = ordered.map((x) => x.start);
  let from = 0;
  for (const to of bounds) {
    if (to <= from) continue;
    const sentence = text.slice(from, to);
    if (grantsImpunity(sentence)) {
      const at = from + (sentence.length - sentence.trimStart().length);
      const p = provisionAt(ordered, starts, at);
      const quote = sentence.trim().replace(/\s+/g, ' ');
      if (p && !out.some((o) => o.quote === quote)) out.push({ provision: p.id, quote });
    }
    from = to;
  }
  return out;
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
 * Words by which a provision binds someone: the parties shall, must, undertake, agree, commit; a
 * thing is prohibited or guaranteed; les Parties s'engagent, doivent, veillent, garantissent.
 */
const COMMITMENT_RE =
  /\b(shall|must|undertakes?|undertaken|agrees?|agreed|commits?|committed|(is|are) (prohibited|forbidden|guaranteed)|s['’]engagent|s['’]engage|doivent|doit|veillent|veille|garantissent|garantit|sont tenu(e)?s|est tenu(e)?|(est|sont) interdit(e)?s?)\b/i;

/**
 * A French party bound in the plain future or present, as francophone agreements often write it
 * ("Aucune partie ne portera atteinte…", "Le Gouvernement protégera…", "Les Parties libèrent…"),
 * unless the verb only notes or recalls ("Les Parties constatent…", "rappellent", "saluent").
 */
const FRENCH_BINDING_RE =
  /(?:^|[^\p{L}])(?:[Ll]es\s+[Pp]arties|[Cc]haque\s+[Pp]artie|[Aa]ucune\s+[Pp]artie|[Ll]es\s+[Ss]ignataires|[Ll]e\s+[Gg]ouvernement|[Ll]['’](?:[ÉéEe]tat|[Aa]rmée)|[Ll]es\s+[Ff]orces|[Ll]es\s+[Gg]roupes\s+armés|[Ll]e\s+[Mm]ouvement|[Ll]a\s+[Mm]ission)(?:\s+(?:ne|n['’]|se|s['’]|y|en|l['’]|le|la|les|leur|lui|\p{Ll}+ment)){0,4}\s*(?<verb>\p{Ll}+(?:ront|ra|ent|it))(?![\p{L}])/gu;
/** Verbs that note, recall or ask rather than bind, and the imperfect and conditional. */
const FRENCH_NOTING_VERB =
  /^(?:constat|not|reconn|rappel|r[ée]affirm|consid[èée]r|salu|exprim|souhait|estim|affirm|soulign|regrett|condamn|f[ée]licit|prenn|d[ée]plor|pren|d[ée]clar|invit|demand|encourag|appel|exhort|prient)|(?:ait|aient)$/u;

function bindsInFrench(body: string): boolean {
  for (const m of body.matchAll(FRENCH_BINDING_RE)) {
    if (!FRENCH_NOTING_VERB.test(m.groups?.verb ?? '')) return true;
  }
  return false;
}

/** A commitment said not to be made ("The Parties do not undertake to", "ne s'engagent pas à"). */
const NEGATED_COMMITMENT_RE =
  /\b(?:(?:do|does|did|shall|will|have|has|are|is)\s+)?not\s+(?:undertak\w*|agree[sd]?|commit(?:ted|s)?(?:\s+themselves)?)\s+to\b|\bn(?:e\s+|['’])s['’]engag\w*\s+pas\b|\bn(?:e\s+|['’])(?:sont|est)\s+(?:pas|nullement)\s+(?:tenu|oblig[ée])(?:e|s|es)?(?![\wÀ-ÿ])|\b(?:not|never)\s+(?:be\s+)?(?:required|obliged|obligated|bound)\s+to\b|\bunder\s+no\s+obligation\s+to\b/gi;

/** A body that puts the matter off ("Details shall be set out at a later date"): no commitment yet. */
const DEFERRAL_RE =
  /\b(later|subsequently|in due course|to be (determined|agreed|defined|decided)|to follow|ultérieurement|plus tard|seront (précisées|définies|fixées|déterminées))\b/i;

/**
 * A heading names a topic; it commits no one. A code whose span lies in a provision's own heading
 * (before its operative start) stays only when the operative text under it (the provision's text
 * after the heading, or any of its sub-provisions' operative text) is coded for the same category,
 * or binds someone (COMMITMENT_RE): the heading then says what the commitment is about.
 * "Article 8 – Cessez-le-feu" over "Les modalités seront précisées ultérieurement", or over
 * "aucun cessez-le-feu n'est en vigueur", is no cease-fire provision; over "Les Parties cessent
 * toute hostilité" it is. A title, being all heading, is coded only through the text under it.
 * An unnumbered line read as a heading is left alone: in a text set in capitals whole sentences
 * ("LA LIBRE CIRCULATION DES PERSONNES EST RÉTABLIE …") are read so, and they are operative.
 */
function dropHeadingOnlyCodes(
  text: string,
  provisions: Provision[],
  found: Map<Provision, ProvisionCode[]>,
  ruledOut: ReadonlyMap<PocCategory, number[]> = new Map(),
): void {
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const children = new Map<string, Provision[]>();
  for (const p of provisions) {
    if (p.parentId) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  }
  const bodyFrom = new Map(
    provisions.map((p) => [p, operativeStart(p, p.parentId ? byId.get(p.parentId) : undefined)]),
  );
  /** Categories coded in the operative text of p and its sub-provisions. */
  const operative = new Map<Provision, Set<PocCategory>>();
  const operativeIn = (p: Provision, seen = new Set<Provision>()): Set<PocCategory> => {
    const known = operative.get(p);
    if (known) return known;
    const from = bodyFrom.get(p) ?? p.start;
    const out = new Set((found.get(p) ?? []).filter((c) => c.span.start >= from).map((c) => c.code));
    seen.add(p);
    for (const c of children.get(p.id) ?? []) {
      if (!seen.has(c)) for (const code of operativeIn(c, seen)) out.add(code);
    }
    operative.set(p, out);
    return out;
  };
  /** Where the text of p and its sub-provisions ends (an article whose paragraphs are apart). */
  const subtreeEnd = (p: Provision, seen = new Set<Provision>()): number => {
    seen.add(p);
    let end = p.end;
    for (const c of children.get(p.id) ?? []) if (!seen.has(c)) end = Math.max(end, subtreeEnd(c, seen));
    return end;
  };
  for (const [p, codes] of found) {
    const from = bodyFrom.get(p) ?? p.start;
    if (from === p.start || (!p.number && p.kind !== 'title') || continuesSentence(text, p, from)) continue;
    const own = new Set(codes.filter((c) => c.span.start >= from).map((c) => c.code));
    const covered = operativeIn(p);
    // A commitment under the heading is a provision on its topic, even in plain words the rules
    // do not know ("Protection of civilians: No party shall harm persons not taking part"). A
    // title or chapter heading announces the subjects of the articles under it, each of which
    // says for itself what it provides: only the text right under it, before its first article,
    // can make it a provision ("Titre II – Aide humanitaire et déplacés" over articles binding
    // the Parties to other things covers no displaced people).
    const body = text.slice(from, DIVISIONS.has(p.kind) ? p.end : subtreeEnd(p));
    const bound = body.replace(NEGATED_COMMITMENT_RE, ' ');
    const commits = (COMMITMENT_RE.test(bound) || bindsInFrench(bound)) && !DEFERRAL_RE.test(body);
    // An article's heading code stays when the text under it carries the category too, or binds
    // someone: the heading then says what the commitment is about. A title's or chapter's stays
    // only when nothing under it is coded for the category and its own text binds someone: when an
    // article under it is coded for the category, that article is the provision, and the heading
    // over it would count the same commitment twice.
    // A text under the heading that names its topic only to rule it out ("Article 1 – Cantonment"
    // over "The cantonment of combatants shall not include any reintegration programme") does not
    // make the heading a provision, whatever else it binds the Parties to.
    const end = subtreeEnd(p);
    const negatedBelow = (code: PocCategory) =>
      (ruledOut.get(code) ?? []).some((at) => at >= from && at < end);
    const division = DIVISIONS.has(p.kind);
    const kept = codes.filter(
      (c) =>
        c.span.start >= from ||
        own.has(c.code) ||
        (division
          ? !covered.has(c.code) && commits && !negatedBelow(c.code)
          : covered.has(c.code) || (commits && !negatedBelow(c.code))),
    );
    if (kept.length < codes.length) found.set(p, kept);
  }
}

/** Divisions of an agreement that hold articles: their headings announce, the articles provide. */
const DIVISIONS: ReadonlySet<Provision['kind']> = new Set(['part', 'chapter']);

/**
 * Whether a provision says anything beyond its number and heading: an article whose paragraphs
 * are alinéas of their own ("Article 6" over "al-1"), a title, a chapter or part heading, or a
 * preamble's heading line is structure, not a provision to count. Front matter is never counted.
 */
export function hasOperativeText(p: Provision, parent?: Provision): boolean {
  if (p.kind === 'title' || p.kind === 'front-matter') return false;
  let rest = p.text.slice(operativeStart(p, parent) - p.start).trim();
  const number = p.number.trim();
  if (number && rest.toLowerCase().startsWith(number.toLowerCase())) rest = rest.slice(number.length);
  return /[\p{L}\p{N}]/u.test(rest.replace(/^[\s.:\-–—)]*/, ''));
}

/** The provisions that count as provisions: those with text beyond their number and heading. */
export function operativeProvisions<P extends Provision>(provisions: P[]): P[] {
  const byId = new Map(provisions.map((p) => [p.id, p]));
  return provisions.filter((p) => hasOperativeText(p, p.parentId ? byId.get(p.parentId) : undefined));
}

/**
 * How many provisions carry each category, each commitment counted once: a provision that is
 * only its number and heading ("Article 3 – Enfants" over its alinéa) is not counted for a
 * category one of its sub-provisions carries, as that sub-provision is counted.
 */
export function countsByCategory(provisions: Provision[]): Record<PocCategory, number> {
  const counts = Object.fromEntries(POC_CATEGORIES.map((c) => [c, 0])) as Record<PocCategory, number>;
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const below = new Map<string, Set<PocCategory>>();
  for (const p of provisions) {
    const codes = new Set(p.codes.map((c) => c.code));
    for (let up = p.parentId ? byId.get(p.parentId) : undefined, hops = 0; up && hops < 50; hops++) {
      const set = below.get(up.id) ?? new Set<PocCategory>();
      for (const c of codes) set.add(c);
      below.set(up.id, set);
      up = up.parentId ? byId.get(up.parentId) : undefined;
    }
  }
  for (const p of provisions) {
    const headingOnly = !hasOperativeText(p, p.parentId ? byId.get(p.parentId) : undefined);
    for (const code of new Set(p.codes.map((c) => c.code))) {
      if (headingOnly && below.get(p.id)?.has(code)) continue;
      counts[code]++;
    }
  }
  return counts;
}

/**
 * Whether what was read as p's heading is the start of a sentence cut by a line end (a PDF's
 * wrapped line, "ARTICLE 5 : Les combattants … sont intégrés, à" over "titre individuel, …"): it
 * ends in a comma, or the text after it goes on in lower case. Its words are then operative text.
 */
function continuesSentence(text: string, p: Provision, from: number): boolean {
  if (/[,;]\s*$/.test(p.heading)) return true;
  const next = /\S/.exec(text.slice(from, from + 200));
  return next !== null && /\p{Ll}/u.test(next[0]);
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
    // "Chapter Two:", "Titre premier –": a number written as a word.
    /^\s*(?:\p{L}+\.?\s*)?(?:\p{N}+(?:er|re|ère)?|[IVXLCivxlc]+|[A-Z]|\p{L}+)(?:\s+(?:bis|ter|quater))?(?:\.\p{N}+)*\s*[.:\-–—)]*\s*$/u.test(
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
