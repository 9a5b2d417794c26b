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

/**
 * The address with its `?lang=` (before or inside the #/ route) set to `language`, or null when the
 * address names no language (the choice is then remembered in the browser only).
 */
export function addressInLanguage(
  where: { pathname: string; search: string; hash: string },
  language: Language,
): string | null {
  const search = new URLSearchParams(where.search);
  const [route, query] = [where.hash.split('?')[0] ?? '', where.hash.split('?')[1]];
  const inHash = new URLSearchParams(query ?? '');
  if (!search.has('lang') && !inHash.has('lang')) return null;
  if (search.has('lang')) search.set('lang', language);
  if (inHash.has('lang')) inHash.set('lang', language);
  const s = search.toString();
  const h = query === undefined ? route : `${route}?${inHash.toString()}`;
  return `${where.pathname}${s ? `?${s}` : ''}${h}`;
}
