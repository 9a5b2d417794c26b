/**
 * The heading a numbered provision carries, read from its own line or the line after it, and
 * whether a numbered line still belongs to a preamble. Pure functions of the lines, shared by the
 * provision segmenter.
 */
import { isHeadingLike, sentenceCaseHeading } from './provision-line-shapes.ts';
import type { Marker } from './provision-markers.ts';

/** Words that make a run of words a sentence rather than a heading ("1.2 The Parties agree."). */
const SENTENCE_WORD =
  /^(?:the|this|these|those|each|all|any|every|it|its|they|we|there|such|no|shall|will|must|may|should|is|are|was|were|be|been|has|have|had|agrees?|agreed|undertakes?|commits?|guarantees?|ensures?|recogni[sz]es?|accepts?|applies|apply|means|refers?|le|la|les|ce|cette|ces|il|ils|elle|elles|tout|toute|tous|chaque|aucun|aucune|nul|doit|doivent|sont|est|sera|seront|peut|peuvent|ont|s'engagent|s’engagent)$/i;

/**
 * The heading at the start of a numbered clause's text, when it runs into the first sentence
 * ("Definitions. In this Agreement …", "Protection of civilians. The Parties undertake …") or is
 * all the clause says and a list of its own follows ("Return of displaced persons and refugees."):
 * a short run of words with a capital, ending in a full stop, with no word that makes it a
 * sentence. Else ''. An item of a list ("East African Community Affairs.") is not a heading.
 */
export function inlineHeading(rest: string, listFollows: boolean): string {
  const m = /^(\p{Lu}[^.;:!?]{2,80}?)\.(?:\s+(?=[\p{Lu}"“«(])|\s*$)/u.exec(rest);
  if (!m || (!listFollows && m[0].length === rest.length)) return '';
  const words = m[1].trim().split(/\s+/);
  if (words.length > 8 || words.some((w) => SENTENCE_WORD.test(w))) return '';
  // An abbreviation is not a heading: "Art. 5", "No. 3", "Para. 2".
  if (/^(?:art|no|para|cf|mr|mrs|ms|dr|st|vol|ch|sec|fig)$/i.test(words[words.length - 1])) return '';
  return m[1].trim();
}

/** The lines around a marker, and how the segmenter reads a line's marker. */
export interface MarkerContext {
  lines: readonly { text: string }[];
  /** The marker's line. */
  at: number;
  marker: Marker;
  /** French: a structural heading in sentence case is always a heading. */
  french: boolean;
  markerOf: (text: string) => Marker | null;
}

/** The next non-blank line after `at`, or undefined. */
function nextLine(ctx: MarkerContext, at: number): { text: string } | undefined {
  let k = at + 1;
  while (k < ctx.lines.length && ctx.lines[k].text === '') k++;
  return ctx.lines[k];
}

/** The last non-blank line before `at`, or undefined. */
function previousLine(ctx: MarkerContext, at: number): { text: string } | undefined {
  let k = at - 1;
  while (k >= 0 && ctx.lines[k].text === '') k--;
  return k >= 0 ? ctx.lines[k] : undefined;
}

/** Words a French heading does not end on, and a sentence cut at the end of a line often does. */
const FRENCH_RUN_ON_WORD =
  /(?:^|\s)(?:de|du|des|le|la|les|à|au|aux|et|ou|en|par|pour|avec|entre|contre|sur|sous|dans|que|qui|un|une|ni)$/i;

/**
 * Whether the marker's line is a sentence wrapped onto the next: it ends on a word no heading ends
 * on ("… conclu avec le"), or the line right below it opens no provision and starts in lower case
 * or with a figure ("0 heure le lendemain").
 */
function runsOn(ctx: MarkerContext): boolean {
  if (FRENCH_RUN_ON_WORD.test(ctx.marker.rest.trim())) return true;
  const below = ctx.lines[ctx.at + 1]?.text;
  return !!below && /^[\p{Ll}\d]/u.test(below) && !ctx.markerOf(below);
}

/** Whether the next non-blank line opens an item or a deeper clause under this marker's provision. */
export function listFollows(ctx: MarkerContext): boolean {
  const { marker } = ctx;
  const line = nextLine(ctx, ctx.at);
  const next = line ? ctx.markerOf(line.text) : null;
  if (!line || !next) return false;
  if (next.style !== 'structure') return true;
  // "1." right under "2.4" is the first item of its list (see numberListAt).
  if (marker.kind === 'clause' && marker.rank >= 12 && /^1\.\s/.test(line.text)) return true;
  return next.kind === 'clause' && marker.kind === 'clause' && next.rank > marker.rank;
}

/**
 * The heading a marker's provision carries, and how many lines after the marker's it takes (the
 * heading on the line after a bare number). Headings in capitals or Title Case are read wherever
 * they stand; a heading in sentence case on the marker's line ("Article 2. Protection of
 * civilians") is read for a part, chapter, section or article, and for a clause whose own list or
 * text follows on the next lines ("2. Protection of civilians" then "2.1 …").
 */
export function markerHeading(ctx: MarkerContext): { heading: string; lines: number } {
  const { marker, lines, at } = ctx;
  const structure = marker.style === 'structure';
  const rest = marker.rest.trim();
  if (rest) {
    // French headings are in sentence case ("Article 4 : Retour et restitution"); a first line
    // whose sentence runs on to the next ("1.1 Les Parties mettent fin … à compter de" then
    // "0 heure le lendemain …") is not one.
    const frenchHeading =
      ctx.french && structure && rest.length <= 100 && !/[.;,:]$/.test(rest) && !runsOn(ctx);
    if (frenchHeading || isHeadingLike(rest, structure)) return { heading: rest, lines: 0 };
    if (marker.kind !== 'clause' && marker.kind !== 'article' && !(structure && marker.rank <= 3)) {
      return { heading: '', lines: 0 };
    }
    const follows = listFollows(ctx);
    const next = nextLine(ctx, at);
    // A clause's line is a heading when its list follows, or its text on the next line ("1. Truce"
    // then "The Parties …"), unless it ends a list of bare items ("1. Joint commission" right above).
    const prev = previousLine(ctx, at);
    const prevMarker = prev ? ctx.markerOf(prev.text) : null;
    const endsList = !!prevMarker && prevMarker.kind === marker.kind && prevMarker.rank === marker.rank;
    const textFollows = !!next && /^\p{Lu}/u.test(next.text) && !ctx.markerOf(next.text) && !endsList;
    const sentenceCase =
      structure && (marker.rank <= 4 || follows)
        ? sentenceCaseHeading(rest)
        : structure && textFollows
          ? sentenceCaseHeading(rest, false)
          : '';
    if (sentenceCase) return { heading: sentenceCase, lines: 0 };
    if (marker.kind !== 'clause' && marker.kind !== 'article') return { heading: '', lines: 0 };
    // "1.1 Definitions. In this Agreement …": a heading run into the clause's first sentence, or
    // all the clause says when what follows is its own list ("2.4 Return of refugees." then "(a)").
    return { heading: inlineHeading(rest, follows), lines: 0 };
  }
  if (!structure) return { heading: '', lines: 0 };
  // The heading often sits on the line after the number ("1.1.\nEstablishment, Seat and Term").
  const following = lines[at + 1];
  const after = nextLine(ctx, at + 1);
  const beforeMarker = !after || !!ctx.markerOf(after.text);
  if (
    following?.text &&
    !ctx.markerOf(following.text) &&
    (isHeadingLike(following.text, true) ||
      // "ARTICLE 2" then "Protection of civilians": a division's heading in sentence case.
      (marker.rank <= 4 && sentenceCaseHeading(following.text, false) !== '') ||
      (beforeMarker &&
        following.text.length <= 100 &&
        /^\p{Lu}/u.test(following.text) &&
        !/[.;,:]$/.test(following.text)))
  ) {
    return { heading: following.text, lines: 1 };
  }
  return { heading: '', lines: 0 };
}

/** Words a preamble's recitals open with ("Recalling …", "Considérant …", "Whereas …"). */
const RECITAL_OPENER =
  /^(?:whereas|considering|recalling|reaffirming|recognizing|recognising|noting|acknowledging|affirming|bearing|conscious|convinced|determined|desirous|desiring|mindful|aware|concerned|deeply|welcoming|emphasizing|emphasising|stressing|guided|inspired|committed|cognizant|cognisant|having|in|pursuant|considérant|considerant|rappelant|réaffirmant|reaffirmant|reconnaissant|notant|prenant|conscients?|convaincus?|déterminés?|determines?|désireux|desireux|soucieux|résolus?|resolus?|vu|attendu|soulignant|saluant|réitérant|reiterant|tenant|animés?|animes?|attachés?|attaches?|préoccupés?|preoccupes?|ayant)$/i;

/**
 * Whether a numbered line in a preamble is one of its recitals ("1. Recalling the Charter …"),
 * which stays in the preamble, rather than the first operative clause, which ends it.
 */
export function isRecital(rest: string): boolean {
  const first = /^\p{L}+/u.exec(rest.trim())?.[0] ?? '';
  return RECITAL_OPENER.test(first);
}
