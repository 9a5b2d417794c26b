import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { frenchElision, frenchSpacing } from '../../../src/domain/language.ts';
import { addCountryFormat } from './country-format.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { addressInLanguage, chooseLanguage, LANGUAGE_KEY, type Language } from './language.ts';

/**
 * The workbench's translations: i18next with one catalogue file per language (en.ts, fr.ts),
 * plurals by the language's own rules and numbers through Intl (`{{count, number}}` reads 1,234
 * in English and 1 234 in French). The language comes from `?lang=`, the person's earlier choice
 * or the browser, and a choice is remembered in this browser.
 */
const initial = chooseLanguage({
  search: window.location.search,
  hash: window.location.hash,
  stored: localStorage.getItem(LANGUAGE_KEY),
  browser: navigator.languages ?? [navigator.language],
});
if (new URLSearchParams(window.location.search).has('lang') || window.location.hash.includes('lang='))
  localStorage.setItem(LANGUAGE_KEY, initial);
document.documentElement.lang = initial;

// French typography on every message, as the server's French sentences have it: a no-break space
// before ; : ? ! and », after «, so the sign never starts a line. The catalogue is written with
// ordinary spaces.
void i18next
  .use(initReactI18next)
  .use({
    type: 'postProcessor',
    name: 'frenchSpacing',
    process: (value: string, _key: unknown, _options: unknown, translator: { language?: string }) =>
      translator.language === 'fr' ? frenchSpacing(frenchElision(value)) : value,
  })
  .init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: initial,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    postProcess: ['frenchSpacing'],
  });

addCountryFormat(i18next);

/**
 * Switches the language now and for the next visits. An address that names a language (`?lang=`,
 * before or inside the #/ route) is made to name this one, so a reload or a shared link keeps it.
 */
export function setLanguage(language: Language): void {
  const next = addressInLanguage(window.location, language);
  if (next) history.replaceState(history.state, '', next);
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

// A link that names a language, opened in a tab already showing the workbench, changes only the
// part after # and reloads nothing: the page follows it all the same.
window.addEventListener('hashchange', () => {
  const named = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('lang');
  if (!named) return;
  const language = chooseLanguage({ search: '', hash: window.location.hash, stored: null, browser: [] });
  if (language === named.toLowerCase().split(/[-_]/)[0] && language !== i18next.language)
    setLanguage(language);
});
