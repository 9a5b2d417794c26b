/**
 * Provisions of a peace agreement and the protection-of-civilians (POC) categories they are coded
 * for. Category keys are PA-X's variable names (Bell & Badanjak 2019), except `SexViol`, which is
 * Tandem's own: PA-X has no single variable for sexual and gender-based violence.
 */
export const POC_CATEGORIES = [
  'ProtCiv',
  'ProtGrp',
  'GCh',
  'GeWom',
  'GAge',
  'GDis',
  'GRef',
  'DevHum',
  'HrMob',
  'HrDet',
  'Ce',
  'ImPK',
  'ImUN',
  'SsrDdr',
  'Civso',
  'TjVic',
  'LaRefRet',
  'SexViol',
] as const;

export type PocCategory = (typeof POC_CATEGORIES)[number];

export function isPocCategory(value: string): value is PocCategory {
  return (POC_CATEGORIES as readonly string[]).includes(value);
}

/**
 * What a provision is in the document's structure. `front-matter` (table of contents, list of
 * acronyms) is kept so spans stay contiguous, but it is not coded: a heading in a table of
 * contents is not a commitment.
 */
export type ProvisionKind =
  | 'title'
  | 'front-matter'
  | 'preamble'
  | 'part'
  | 'chapter'
  | 'article'
  | 'clause'
  | 'item'
  | 'annex'
  | 'paragraph';

/** One code on one provision, with the character span [start, end) in the document that justifies it. */
export interface ProvisionCode {
  code: PocCategory;
  span: { start: number; end: number; text: string };
  /** Which rule fired and on what phrase, so a reader can check the coder. */
  why: string;
  rule: string;
}

/** A provision: a chapter, article, numbered clause, lettered item or annex, with its span. */
export interface Provision {
  /** Stable within the document: the numbering path, e.g. `ch2/2.1.10.6` or `art5/(a)`. */
  id: string;
  /** The number as written (`2.1.10.6`, `(a)`, `Article 5`, `CHAPTER II`), or '' when unnumbered. */
  number: string;
  /** The provision's own heading, or the nearest enclosing heading when it has none. */
  heading: string;
  kind: ProvisionKind;
  /** Depth in the numbering tree: 0 for chapters and annexes. */
  level: number;
  parentId: string | null;
  /** Character span [start, end) into the normalised document text. */
  start: number;
  end: number;
  text: string;
  codes: ProvisionCode[];
}

export type Coverage = Record<PocCategory, boolean>;

export function emptyCoverage(): Coverage {
  return Object.fromEntries(POC_CATEGORIES.map((c) => [c, false])) as Coverage;
}
