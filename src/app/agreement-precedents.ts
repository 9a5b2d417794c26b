import type { Kysely } from 'kysely';
import { codeAgreement } from '../agreements/agreement-review.ts';
import { operativeStart } from '../agreements/poc-coder.ts';
import type { Precedent } from '../domain/agreement.ts';
import type { PocCategory, Provision } from '../domain/provision.ts';
import type { Database } from '../store/schema.ts';

export interface PrecedentSearch {
  /** At most this many precedents per category (default 3). */
  perCode?: number;
  /** Leave out the agreement with this content hash (the one under review). */
  excludeHash?: string;
  /** Leave out the agreement with these words (the one under review, imported from another file of it). */
  excludeTextKey?: string;
}

/** At most this many agreements of the corpus are read for one review's precedents. */
const MAX_AGREEMENTS = 40;

/**
 * Precedents for the gaps of a review: provisions of the user's imported agreements that provide
 * for each category, as model language a drafter can start from. A precedent is an operative
 * clause: the code behind it lies in the provision's text, not in its number and heading
 * ("Article 10 – Force internationale", "TITRE II – PROTECTION DES POPULATIONS" are not precedents),
 * and is not negated ("does not provide for the deployment of an international peacekeeping
 * force" is not one either). Each agreement is coded afresh with the current rules, so an
 * agreement imported before a rule or a negation cue changed gives what the coder says now; its
 * stored codes only say which agreements to read. Operative clauses come before titles and
 * preambles, and one provision per agreement before a second from an agreement already cited.
 */
export async function findOperativePrecedents(
  db: Kysely<Database>,
  codes: readonly PocCategory[],
  options: PrecedentSearch = {},
): Promise<Partial<Record<PocCategory, Precedent[]>>> {
  const perCode = options.perCode ?? 3;
  if (codes.length === 0) return {};
  const out: Partial<Record<PocCategory, Precedent[]>> = Object.fromEntries(codes.map((c) => [c, []]));
  if (perCode === 0) return out;
  let q = db
    .selectFrom('provision_codes as c')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .select('a.id')
    .distinct()
    .where('c.code', 'in', [...codes])
    .orderBy('a.id')
    .limit(MAX_AGREEMENTS);
  if (options.excludeHash) q = q.where('a.content_hash', '<>', options.excludeHash);
  const key = options.excludeTextKey;
  if (key) q = q.where((w) => w.or([w('a.text_key', 'is', null), w('a.text_key', '<>', key)]));
  const ids = (await q.execute()).map((r) => r.id);
  const wanted = new Set(codes);
  const candidates: Candidate[] = [];
  const cited = new Map<PocCategory, Set<number>>();
  for (const id of ids) {
    const a = await db
      .selectFrom('agreements')
      .select(['id', 'title', 'text', 'content_hash'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!a) continue;
    for (const c of operativeCodes(a.content_hash, a.text)) {
      if (!wanted.has(c.code)) continue;
      candidates.push({ ...c, agreementId: a.id, title: a.title });
      if (!c.weak) cited.set(c.code, (cited.get(c.code) ?? new Set()).add(a.id));
    }
    // Enough once every category has an operative clause from as many agreements as it may cite.
    if (codes.every((c) => (cited.get(c)?.size ?? 0) >= perCode)) break;
  }
  candidates.sort((x, y) => Number(x.weak) - Number(y.weak));
  const usedAgreement = new Map<PocCategory, Set<number>>();
  const used = new Set<Candidate>();
  // Two passes: first one provision per agreement, then fill up from agreements already cited.
  for (const pass of [0, 1]) {
    for (const c of candidates) {
      const list = out[c.code] ?? [];
      const agreements = usedAgreement.get(c.code) ?? new Set<number>();
      if (list.length >= perCode || used.has(c) || (pass === 0 && agreements.has(c.agreementId))) continue;
      used.add(c);
      usedAgreement.set(c.code, agreements.add(c.agreementId));
      list.push({
        agreement: c.title,
        agreementId: c.agreementId,
        provisionId: c.provision.id,
        heading: c.provision.heading,
        excerpt: excerpt(c.provision.text, c.start - c.provision.start, c.end - c.provision.start),
      });
      out[c.code] = list;
    }
  }
  return out;
}

interface OperativeCode {
  code: PocCategory;
  provision: Provision;
  start: number;
  end: number;
  /** A title or preamble that provides for the topic: cited after operative provisions. */
  weak: boolean;
}

interface Candidate extends OperativeCode {
  agreementId: number;
  title: string;
}

/** An agreement's text coded afresh, per content hash; a few are kept, as a review asks for the same ones. */
const coded = new Map<string, OperativeCode[]>();
const KEEP_CODED = 16;

/** The first code of each category in each provision that lies in its operative text. */
function operativeCodes(hash: string, text: string): OperativeCode[] {
  const hit = coded.get(hash);
  if (hit) return hit;
  const provisions = codeAgreement(text);
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const out: OperativeCode[] = [];
  for (const p of provisions) {
    // A definition says what a word means, not what anyone must do: never a precedent.
    if (isDefinition(p, byId)) continue;
    const from = operativeStart(p, p.parentId ? byId.get(p.parentId) : undefined);
    const seen = new Set<PocCategory>();
    for (const c of p.codes) {
      if (c.span.start < from || seen.has(c.code)) continue;
      seen.add(c.code);
      out.push({
        code: c.code,
        provision: p,
        start: c.span.start,
        end: c.span.end,
        weak: p.kind === 'title' || p.kind === 'preamble',
      });
    }
  }
  if (coded.size >= KEEP_CODED) coded.delete(coded.keys().next().value as string);
  coded.set(hash, out);
  return out;
}

/** Headings of a definitions article or section, in English and French. */
const DEFINITIONS_HEADING = /^(?:definitions?|définitions?|terms? used|interprétation|interpretation)\b/i;
/** A provision that defines a term: «term» : …, "term" means …, « term » désigne / s'entend de … */
const DEFINES_TERM =
  /^[^\p{L}]*[«"“'‘][^«»"“”]{1,80}[»"”'’]\s*(?::|means\b|shall mean\b|refers to\b|désigne\b|s[’']entend\b)/u;

function isDefinition(p: Provision, byId: ReadonlyMap<string, Provision>): boolean {
  const body = p.text.replace(/^\s*(?:\(?[\p{N}ivxlc]+[°.)]|\(?[a-z][.)])\s*/iu, '');
  if (DEFINES_TERM.test(body)) return true;
  for (let q: Provision | undefined = p; q; q = q.parentId ? byId.get(q.parentId) : undefined)
    if (DEFINITIONS_HEADING.test(q.heading.trim())) return true;
  return false;
}

/** Up to about 300 characters of the provision around the coded span, on word boundaries. */
function excerpt(text: string, start: number, end: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= 320) return flat.trim();
  const from = Math.max(0, start - 120);
  const to = Math.min(text.length, Math.max(end + 160, from + 300));
  let s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (from > 0) s = `…${s.replace(/^\S*\s/, '')}`;
  if (to < text.length) s = `${s.replace(/\s\S*$/, '')}…`;
  return s;
}
