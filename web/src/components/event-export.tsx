import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../api-client.ts';
import { exportFileName } from '../file-download.ts';
import { day } from '../format.ts';
import { countryIn } from '../i18n/country-format.ts';

const FORMATS = ['csv', 'hxl', 'geojson'] as const;
type Format = (typeof FORMATS)[number];
const SHORT: Record<Format, string> = { csv: 'CSV', hxl: 'HXL', geojson: 'GeoJSON' };

/** The events a page shows: its place, its period and its violence-type and perpetrator filters. */
export interface ExportScope {
  country: string;
  admin1?: string;
  from: string;
  to: string;
  violenceTypes?: readonly string[];
  /** The perpetrator (first actor) categories; none or empty for every one. */
  actorCategories?: readonly string[];
}

/** The address of `GET /api/export` for these events, in this format (docs/exports.md). */
export function exportHref(format: Format, scope: ExportScope, excel: boolean): string {
  return `/api/export${queryString({
    format,
    country: scope.country,
    admin1: scope.admin1,
    from: scope.from,
    to: scope.to,
    violenceTypes: scope.violenceTypes,
    actorCategories: scope.actorCategories,
    // The server refuses a GeoJSON "for Excel": it is never asked for.
    excel: excel && format !== 'geojson' ? 1 : undefined,
  })}`;
}

const filtered = (s: ExportScope) => Boolean(s.violenceTypes?.length || s.actorCategories?.length);

/**
 * A download of the events shown, as the server exports them (`GET /api/export`, what `tandem
 * export` writes): the country (and area) and the period of the page, in CSV, HXL or GeoJSON, a
 * CSV or HXL "for Excel" starting with the byte-order mark that keeps its accents. The server
 * releases each record as the account may see it (beyond its reach, as counts).
 */
export function EventExport({
  scope,
  count,
  actorNotApplied = false,
}: {
  scope: ExportScope;
  /** How many events the export holds, as the page counts them; undefined when not known. */
  count?: number;
  /** Whether the page lists one perpetrator's events, a filter the export does not apply. */
  actorNotApplied?: boolean;
}) {
  const { country, admin1, from, to } = scope;
  const { t, i18n } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState<Format>('csv');
  const [excel, setExcel] = useState(false);
  // The country as the page's language names it ("République centrafricaine" in French).
  const name = countryIn(country, i18n.language);
  const place = admin1 ? `${admin1}, ${name}` : name;
  const what =
    count === undefined
      ? t('exporting.whatUncounted', { place, from: day(from), to: day(to) })
      : t('exporting.what', { place, from: day(from), to: day(to), count });
  return (
    <section className="event-export" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="export-title">
        {t('exporting.label')}
      </h2>
      <p className="export-what">{what}</p>
      <div className="export-controls">
        <label htmlFor={`${id}-format`}>
          {t('exporting.format')}{' '}
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`exporting.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label
          htmlFor={`${id}-excel`}
          title={format === 'geojson' ? t('exporting.excelNotGeojson') : undefined}
        >
          <input
            id={`${id}-excel`}
            type="checkbox"
            checked={excel && format !== 'geojson'}
            disabled={format === 'geojson'}
            onChange={(e) => setExcel(e.target.checked)}
          />{' '}
          {t('exporting.excel')}
        </label>
        {/* A plain link: the browser saves the file as the server streams it (an export can be
            hundreds of megabytes), under the name the server gives it, the same as this one. */}
        <a
          className="button-link"
          href={exportHref(format, scope, excel)}
          download={exportFileName(format, scope)}
          rel="nofollow"
        >
          {t('exporting.download', { format: SHORT[format] })}
        </a>
      </div>
      {filtered(scope) && <p className="muted">{t('exporting.filtersApplied')}</p>}
      {actorNotApplied && <p className="muted">{t('exporting.actorNotApplied')}</p>}
    </section>
  );
}
