/**
 * Every code the workbench shows, in the words a practitioner uses. One module, so that the pages
 * say the same thing and a translation has one place to go. English only for now.
 */

export const VIOLENCE_TYPE_LABELS: Record<string, string> = {
  battles: 'Battles',
  'state-based-conflict': 'State-based armed conflict',
  'non-state-conflict': 'Non-state armed conflict',
  'explosions-remote-violence': 'Explosions and remote violence',
  'violence-against-civilians': 'Violence against civilians',
  protests: 'Protests',
  riots: 'Riots',
  'strategic-developments': 'Strategic developments',
};

export const ACTOR_CATEGORY_LABELS: Record<string, string> = {
  'state-forces': 'State forces',
  'rebel-group': 'Rebel group',
  'political-militia': 'Political militia',
  'identity-militia': 'Identity (communal) militia',
  rioters: 'Rioters',
  protesters: 'Protesters',
  civilians: 'Civilians',
  'external-forces': 'External forces',
  other: 'All other perpetrators',
  unknown: 'Category not given',
};

export const FINDING_KIND_LABELS: Record<string, string> = {
  'unanchored-objective': 'Objective not tied to the mandate',
  'no-political-link': 'POC objective with no political track',
  'uncovered-priority-task': 'Priority task no activity covers',
  'state-perpetrator-friction': 'State forces harm civilians where the mission backs them',
  'resource-overallocation': 'More resources planned than exist',
  'local-national-disconnect': 'Local and national tracks not linked',
  'cell-composition': 'Joint cell missing a unit',
  'threat-coverage-gap': 'Threat no activity answers',
};

/** PA-X protection-of-civilians categories (data/poc-categories.yaml), by their PA-X codes. */
export const PAX_CATEGORY_LABELS: Record<string, string> = {
  ProtCiv: 'Protection of civilians',
  ProtGrp: 'Protection of particular groups',
  GCh: 'Children and youth',
  GeWom: 'Women and girls',
  GAge: 'Older persons',
  GDis: 'Persons with disabilities',
  GRef: 'Refugees and displaced persons',
  DevHum: 'Humanitarian assistance',
  HrMob: 'Freedom of movement and access',
  HrDet: 'Detention procedures',
  Ce: 'Cease-fire',
  ImPK: 'International peacekeeping or monitoring mission',
  ImUN: 'Role of the United Nations',
  SsrDdr: 'Disarmament, demobilisation and reintegration',
  Civso: 'Civil society',
  TjVic: 'Victims',
  LaRefRet: 'Return or restitution of land and property',
  SexViol: 'Sexual and gender-based violence',
};

export const ALERT_LEVEL_LABELS: Record<string, string> = {
  country: 'the whole country',
  admin1: 'area',
  actor: 'armed actor',
};

export const SOURCE_LABELS: Record<string, string> = {
  acled: 'ACLED',
  ged: 'UCDP GED',
  hxl: 'HXL file',
  demo: 'Demonstration model (fictional)',
};

const ALL: Record<string, string> = {
  ...VIOLENCE_TYPE_LABELS,
  ...ACTOR_CATEGORY_LABELS,
  ...FINDING_KIND_LABELS,
  ...PAX_CATEGORY_LABELS,
};

/** The label of any code above; an unknown code is shown with its dashes as spaces, never hidden. */
export function label(code: string | null | undefined): string {
  if (!code) return '–';
  const known = ALL[code];
  if (known) return known;
  const words = code.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Poisson upper tail P(X ≥ k) for mean λ, summed directly (k is at most a few thousand here). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X < k) = Σ_{i<k} e^-λ λ^i / i!, with terms built in logs to stay finite.
  let below = 0;
  let logTerm = -lambda;
  for (let i = 0; i < k; i++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.max(0, 1 - below);
}

/** "less than once in a thousand" style wording of a small probability. */
export function chanceInWords(p: number): string {
  if (p >= 0.5) return 'in most';
  if (p >= 0.1) return `about once in ${Math.round(1 / p)}`;
  for (const [limit, words] of [
    [1e-6, 'less than once in a million'],
    [1e-5, 'less than once in a hundred thousand'],
    [1e-4, 'less than once in ten thousand'],
    [1e-3, 'less than once in a thousand'],
    [1e-2, 'less than once in a hundred'],
  ] as const)
    if (p < limit) return words;
  return `about once in ${Math.round(1 / p)}`;
}

/** An escalation alert's figures in words: what was seen against what was expected, and how rare that is. */
export function alertInWords(a: {
  baseline: number;
  counts: number[];
  start: string;
  alarm: string;
}): string {
  const months = a.counts.length;
  const seen = a.counts.reduce((s, n) => s + n, 0);
  const expected = a.baseline * months;
  const span = months === 1 ? `in ${a.start}` : `from ${a.start} to ${a.alarm}`;
  const about = expected < 10 ? Math.round(expected * 10) / 10 : Math.round(expected);
  const chance = chanceInWords(poissonTail(seen, expected));
  const what = months === 1 ? 'months' : `${months}-month stretches`;
  return `${seen.toLocaleString('en-GB')} violent events ${span}, against about ${about.toLocaleString('en-GB')} expected at the rate of the months before; at that rate this happens by chance ${chance} ${what}.`;
}
