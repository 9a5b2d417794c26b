import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { frenchSpacing, type Language } from '../domain/language.ts';
import { FINDING_KINDS, type FindingKind, type Mitigation } from '../domain/plan.ts';

export type MitigationCatalog = Record<FindingKind, Mitigation[]>;

const CATALOG_URL = new URL('../../data/mitigations.yaml', import.meta.url);

const cached = new Map<Language, MitigationCatalog>();

/**
 * The mitigation options for each finding kind, read once from data/mitigations.yaml, in `lang`
 * (an option's `text_fr` in French, its English `text` where it has none). A kind with no options
 * is a fault in that file, so it fails loudly rather than producing bare findings.
 */
export function loadMitigations(lang: Language = 'en'): MitigationCatalog {
  const done = cached.get(lang);
  if (done) return done;
  const raw = parse(readFileSync(CATALOG_URL, 'utf8')) as Record<string, unknown>;
  const out = {} as MitigationCatalog;
  for (const kind of FINDING_KINDS) {
    const list = raw?.[kind];
    if (!Array.isArray(list) || list.length === 0)
      throw new Error(`data/mitigations.yaml has no options for ${kind}`);
    out[kind] = list.map((m) => {
      const { id, text, text_fr } = m as { id?: unknown; text?: unknown; text_fr?: unknown };
      if (typeof id !== 'string' || typeof text !== 'string') {
        throw new Error(`data/mitigations.yaml: every option under ${kind} needs an id and a text`);
      }
      return { id, text: lang === 'fr' && typeof text_fr === 'string' ? frenchSpacing(text_fr) : text };
    });
  }
  cached.set(lang, out);
  return out;
}
