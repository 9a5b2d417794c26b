import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { frenchSpacing, type Language } from '../domain/language.ts';
import { PARTICIPATION_ALERT_KINDS, type ParticipationAlertKind } from '../domain/participant.ts';

export interface SuggestedMeasure {
  id: string;
  text: string;
}

export type ParticipationMeasureCatalog = Record<ParticipationAlertKind, SuggestedMeasure[]>;

const CATALOG_URL = new URL('../../data/participation-measures.yaml', import.meta.url);

/**
 * The measures to suggest for each kind of participation alert, read from
 * data/participation-measures.yaml each time (the file is meant to be edited while Tandem runs).
 * A kind with no option is a fault in that file and fails loudly, naming it. In `lang`: a
 * measure's `text_fr` in French, its English `text` where it has none.
 */
export function loadParticipationMeasures(
  url: URL = CATALOG_URL,
  lang: Language = 'en',
): ParticipationMeasureCatalog {
  const raw = parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  const out = {} as ParticipationMeasureCatalog;
  for (const kind of PARTICIPATION_ALERT_KINDS) {
    const list = raw?.[kind];
    if (!Array.isArray(list) || list.length === 0)
      throw new Error(`data/participation-measures.yaml has no measures for ${kind}`);
    out[kind] = list.map((m) => {
      const { id, text, text_fr } = (m ?? {}) as { id?: unknown; text?: unknown; text_fr?: unknown };
      if (typeof id !== 'string' || typeof text !== 'string')
        throw new Error(
          `data/participation-measures.yaml: every measure under ${kind} needs an id and a text`,
        );
      return { id, text: lang === 'fr' && typeof text_fr === 'string' ? frenchSpacing(text_fr) : text };
    });
  }
  return out;
}
