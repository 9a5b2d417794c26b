import type { SourceId } from '../analysis/event-source-ids.ts';
import type { SourceName } from '../domain/conflict-event.ts';
import type { BriefLanguage } from './brief-text.ts';

/**
 * How the brief names its sources: in full under its title, each as it asks to be cited, and in
 * short beside the events it cites, which it names by the source's own id (ACLED's
 * event_id_cnty, UCDP GED's id, the mission's incident number) so that a reader of the printed
 * brief can find each in the source; the workbench's copy links each to the event's page too.
 */
interface SourceText {
  /** Each source as it asks to be cited. */
  full: Record<SourceName, string>;
  /** Each source's name before the ids of its events. */
  short: Record<SourceName, string>;
  none: string;
  evidenceNote: string;
}

const SOURCE_TEXT: Record<BriefLanguage, SourceText> = {
  en: {
    full: {
      acled: 'Armed Conflict Location & Event Data Project (ACLED); acleddata.com',
      ucdp: 'UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program; ucdp.uu.se (Davies, Pettersson & Öberg 2023; Sundberg & Melander 2013)',
      mission: 'The mission’s own incident reports',
      hxl: 'Spreadsheets imported by the mission (HXL)',
      demo: 'Tandem’s demonstration data (fictional)',
    },
    short: { acled: 'ACLED', ucdp: 'UCDP GED', mission: 'incident', hxl: 'HXL', demo: 'demo' },
    none: 'No events in scope.',
    evidenceNote:
      'Evidence is named by its source’s own event id (ACLED’s event_id_cnty, UCDP GED’s id, the mission’s incident number), so that each can be found in the source (a spreadsheet row without an id of its own is named by a hash of its content); in the workbench each opens the event’s page.',
  },
  fr: {
    full: {
      acled: 'Armed Conflict Location & Event Data Project (ACLED) ; acleddata.com',
      ucdp: 'UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program ; ucdp.uu.se (Davies, Pettersson & Öberg 2023 ; Sundberg & Melander 2013)',
      mission: 'Les rapports d’incident de la mission',
      hxl: 'Tableaux importés par la mission (HXL)',
      demo: 'Données de démonstration de Tandem (fictives)',
    },
    short: { acled: 'ACLED', ucdp: 'UCDP GED', mission: 'incident', hxl: 'HXL', demo: 'démo' },
    none: 'Aucun événement dans le périmètre.',
    evidenceNote:
      'Les preuves sont désignées par l’identifiant que leur donne la source (event_id_cnty d’ACLED, id de l’UCDP GED, numéro d’incident de la mission), pour qu’on puisse les retrouver dans la source (une ligne de tableau sans identifiant propre est désignée par une empreinte de son contenu) ; dans l’atelier, chacune ouvre la page de l’événement.',
  },
};

const SOURCE_ORDER: readonly SourceName[] = ['acled', 'ucdp', 'mission', 'hxl', 'demo'];

/** The brief's list of sources: those present, in a fixed order, each in full; null when unknown. */
export function citedSources(lang: BriefLanguage, present: readonly string[] | undefined): string[] {
  if (!present) return [];
  const text = SOURCE_TEXT[lang];
  const has = new Set(present);
  return has.size ? SOURCE_ORDER.filter((s) => has.has(s)).map((s) => text.full[s]) : [text.none];
}

/** The sources present, in short ("ACLED, HXL"), in the same order; '' when unknown or none. */
export function shortSourceNames(lang: BriefLanguage, present: readonly string[] | undefined): string {
  const has = new Set(present ?? []);
  return SOURCE_ORDER.filter((s) => has.has(s))
    .map((s) => SOURCE_TEXT[lang].short[s])
    .join(', ');
}

export function evidenceNote(lang: BriefLanguage): string {
  return SOURCE_TEXT[lang].evidenceNote;
}

/** An event the brief cites: its store id (its page in the workbench) and, when known, its source id. */
export interface CitedEvent {
  id: number;
  source: SourceId | null;
}

/** The events of one source in a citation, after the source's short name (none when unknown). */
export interface CitationGroup {
  name: string;
  events: { id: number; label: string }[];
}

/**
 * A list of cited events grouped by source, in the order each source first appears ("ACLED
 * SSD2582, SSD2583; UCDP GED 244657"); an event whose source id is unknown keeps its store number
 * (#n).
 */
export function citationGroups(lang: BriefLanguage, events: readonly CitedEvent[]): CitationGroup[] {
  const short = SOURCE_TEXT[lang].short as Record<string, string>;
  const groups = new Map<string, CitationGroup>();
  for (const e of events) {
    const key = e.source?.source ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { name: e.source ? (short[key] ?? key) : '', events: [] };
      groups.set(key, g);
    }
    g.events.push({ id: e.id, label: e.source ? e.source.sourceEventId : `#${e.id}` });
  }
  return [...groups.values()];
}

/** Events cited by store id, with their source ids where the analysis gives them. */
type Citations = Readonly<Record<string, SourceId>> | undefined;

function cited(citations: Citations, id: number): CitedEvent {
  return { id, source: citations?.[String(id)] ?? null };
}

/** What a table cell cites: the first few events of those given, and whether there were more. */
export interface CitedEvents {
  events: CitedEvent[];
  more: boolean;
}

const EVIDENCE_SHOWN = 5;

function shown<T>(list: readonly T[], toCited: (t: T) => CitedEvent): CitedEvents {
  return { events: list.slice(0, EVIDENCE_SHOWN).map(toCited), more: list.length > EVIDENCE_SHOWN };
}

/** Events given by store id, their source ids looked up in the analysis's citations. */
export function cite(citations: Citations, ids: readonly (number | null | undefined)[]): CitedEvents {
  return shown(
    ids.filter((id): id is number => typeof id === 'number'),
    (id) => cited(citations, id),
  );
}

/** Cited events as plain text: "ACLED SSD2582, SSD2583; UCDP GED 244657, …". */
export function citationLine(lang: BriefLanguage, c: CitedEvents): string {
  return (
    citationGroups(lang, c.events)
      .map((g) => [g.name, g.events.map((e) => e.label).join(', ')].filter(Boolean).join(' '))
      .join('; ') + (c.more ? ', …' : '')
  );
}

/** Events that carry their own source ids (evidence read with them), as a cell cites them. */
export function citeEvidence(
  list: readonly { id: number; source: string; sourceEventId: string }[],
): CitedEvents {
  return shown(list, (e) => ({ id: e.id, source: { source: e.source, sourceEventId: e.sourceEventId } }));
}

/** The same, as plain text. */
export function citeWithSources(
  lang: BriefLanguage,
  list: readonly { id: number; source: string; sourceEventId: string }[],
): string {
  return citationLine(lang, citeEvidence(list));
}

/** One cited event as plain text: "ACLED SSD2582", or "#2582" when its source id is unknown. */
export function citationText(lang: BriefLanguage, citations: Citations, id: number): string {
  const [g] = citationGroups(lang, [cited(citations, id)]);
  return g?.name ? `${g.name} ${g.events[0]?.label}` : `#${id}`;
}
