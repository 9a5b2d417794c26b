import { useTranslation } from 'react-i18next';
import { driverName } from '../../../src/domain/driver.ts';
import type { DriverRow } from '../analysis-types.ts';
import { num } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { actorName, label } from '../labels.ts';
import { pageHref } from '../url-state.ts';

/** The area page's figure, perpetrator tables and driver lists. */

export function Fig({ label: text, v }: { label: string; v: number | null }) {
  return (
    <div className="figure">
      <span className="value">{num(v)}</span>
      <span className="label">{text}</span>
    </div>
  );
}

export function PerpTable({
  title,
  rows,
}: {
  title: string;
  rows: { actor: string; category: string; events: number; fatalities: number; civ: number }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="perps">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('area.actor')}</th>
            <th scope="col">{t('area.events')}</th>
            <th scope="col">{t('area.deaths')}</th>
            <th scope="col">{t('area.attacks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4}>{t('area.noneRecorded')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={`${r.actor}\u001f${r.category}`}>
                <th scope="row">
                  <a href={pageHref('area', { actor: r.actor })} title={t('area.listActor')}>
                    {actorName(r.actor)}
                  </a>{' '}
                  <span className="muted">{label(r.category)}</span>
                </th>
                <td>{num(r.events)}</td>
                <td>{num(r.fatalities)}</td>
                <td>{num(r.civ)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function DriverList({ rows, kind }: { rows: DriverRow[]; kind: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <ul className={`drivers-${kind}`}>
      {rows.map((d) => (
        <li key={d.driver}>
          {driverName(d, lang)}
          {t('common.colon')}
          {/* What analysts tagged first; the word rules' suggestions after, as hints: a joint driver
              listed with "12 events" read as 12 events jointly confirmed. */}
          {[
            d.jointTags + d.unconfirmedTags > 0 &&
              t('area.driverTags', { count: d.jointTags + d.unconfirmedTags, joint: num(d.jointTags) }) +
                (d.taggedEvents > 0
                  ? t('area.driverTaggedEvents', { count: d.taggedEvents })
                  : t('area.driverOnArea')),
            d.suggestedEvents > 0 && t('area.driverSuggested', { count: d.suggestedEvents }),
          ]
            .filter(Boolean)
            .join(lang === 'fr' ? ' ; ' : '; ')}
        </li>
      ))}
    </ul>
  );
}
