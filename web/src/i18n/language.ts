/** The languages the workbench speaks, and how it picks one for a person. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_KEY = 'tandem.lang';

function known(code: string | null | undefined): Language | null {
  const base = (code ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.some((l) => l.code === base) ? (base as Language) : null;
}

/**
 * The language to show: `?lang=` in the address (before or inside the #/ route) first, then the
 * one the person chose before, then the browser's own languages in order, then English.
 */
export function chooseLanguage(where: {
  search: string;
  hash: string;
  stored: string | null;
  browser: readonly string[];
}): Language {
  const fromUrl =
    new URLSearchParams(where.search).get('lang') ??
    new URLSearchParams(where.hash.split('?')[1] ?? '').get('lang');
  return known(fromUrl) ?? known(where.stored) ?? where.browser.map(known).find(Boolean) ?? 'en';
}
