import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n.ts';
import { LANGUAGES, type Language } from './language.ts';

/** The header's language choice: each language named in itself, the choice remembered. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-pick">
      {t('shell.language')}{' '}
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
