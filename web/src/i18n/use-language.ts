import { useTranslation } from 'react-i18next';
import type { Language } from './language.ts';

/**
 * The reader's language, for the requests whose answers carry sentences written by the server
 * (findings, alerts, notes): pages pass it as `lang` and ask again when it changes.
 */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' ? 'fr' : 'en';
}
