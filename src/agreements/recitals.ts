import type { PocCategory, Provision } from '../domain/provision.ts';

/**
 * Recitals: the preamble's "Recalling …", "Deeply concerned by …", « Réaffirmant … », « Considérant
 * … ». They say what the parties have in mind and commit no one. PA-X codes them (at its lowest
 * level), so the scorecard counts them as coverage as PA-X does; but a category named only in
 * recitals is no commitment, and the review says so (held-out agreement probe: a declaration whose
 * only words on civilians were "Deeply concerned by attacks on civilians" showed them covered).
 */
const RECITAL_OPENING = new RegExp(
  `^(?:${[
    // English participles and adjectives that open a recital.
    'recalling',
    'reaffirming',
    'recogni[sz]ing',
    'noting',
    'taking (?:into account|note|cognizance)',
    '(?:deeply |gravely |seriously )?(?:concerned|alarmed|disturbed|troubled)',
    'considering',
    'convinced',
    'determined',
    'welcoming',
    'acknowledging',
    'bearing in mind',
    'mindful',
    'empha[sz]i[sz]ing',
    'stressing',
    'underlining',
    'desirous',
    'desiring',
    'guided by',
    'expressing',
    'aware',
    'conscious',
    'believing',
    'affirming',
    'having (?:regard|considered|met)',
    'inspired by',
    'committed to',
    'whereas',
    // French.
    'rappelant',
    'reaffirmant',
    'reconnaissant',
    'notant',
    'prenant (?:acte|note|en compte)',
    'tenant compte',
    '(?:profondement |vivement |gravement )?(?:preoccupee?s?|inquietes?|alarmee?s?)',
    'considerant',
    'convaincue?s?',
    'determinee?s?',
    'resolue?s?',
    'se felicitant',
    'saluant',
    'consciente?s?',
    'soulignant',
    'desireu(?:x|ses?)',
    'guidee?s? par',
    'exprimant',
    'ayant (?:a l.esprit|examine|pris)',
    'attachee?s? a',
    'attentive?s? a',
    'vu',
    'animee?s? par',
    'engagee?s? a',
  ].join('|')})\\b`,
  'u',
);

const PREAMBLE_HEADING = /^(?:preamble|preambule)\b/;

/** Lower case, accents gone, a list marker or number at the start taken off. */
function opening(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[\s\-–—•*]*(?:\(?[0-9ivxlc]{1,4}[.)°]|\(?[a-z][.)])?\s*/u, '');
}

/** Whether a provision is a recital: an unnumbered paragraph under a "Preamble" heading, or opened as one. */
export function isRecital(p: Pick<Provision, 'number' | 'heading' | 'text'>): boolean {
  return (
    (p.number === '' && PREAMBLE_HEADING.test(opening(p.heading))) || RECITAL_OPENING.test(opening(p.text))
  );
}

/** The categories coded somewhere, each of whose codes stands in a recital only. */
export function preambleOnlyCategories(provisions: readonly Provision[]): PocCategory[] {
  const inRecital = new Set<PocCategory>();
  const operative = new Set<PocCategory>();
  for (const p of provisions) {
    const into = isRecital(p) ? inRecital : operative;
    for (const c of p.codes) into.add(c.code);
  }
  return [...inRecital].filter((c) => !operative.has(c));
}
