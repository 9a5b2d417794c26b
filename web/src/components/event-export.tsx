import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../api-client.ts';
import { day } from '../format.ts';

const FORMATS = ['csv', 'hxl', 'geojson'] as const;
type Format = (typeof FORMATS)[number];
const SHORT: Record<Format, string> = { csv: 'CSV', hxl: 'HXL', geojson: 'GeoJSON' };

/** The address of `GET /api/export` for these events, in this format (docs/exports.md). */
export function exportHref(
  format: Format,
  scope: { country: string; admin1?: string; from: string; to: string },
  excel: boolean,
): string {
  return `/api/export${queryString({
    format,
    country: scope.country,
    admin1: scope.admin1,
    from: scope.from,
    to: scope.to,
    // The server refuses a GeoJSON "for Excel": it is never asked for.
    excel: excel && format !== 'geojson' ? 1 : undefined,
  })}`;
}

/**
 * A download of the events shown, as the server exports them (`GET /api/export`, what `tandem
 * export` writes): the country (and area) and the period of the page, in CSV, HXL or GeoJSON, a
 * CSV or HXL "for Excel" starting with the byte-order mark that keeps its accents. The server
 * releases each record as the account may see it (beyond its reach, as counts).
 */
export function EventExport({
  country,
  admin1,
  from,
  to,
  count,
  filtered = false,
}: {
  country: string;
  admin1?: string;
  from: string;
  to: string;
  /** How many events the export holds, as the page counts them; undefined when not known. */
  count?: number;
  /** Whether the page shows the events through filters the export does not apply. */
  filtered?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState<Format>('csv');
  const [excel, setExcel] = useState(false);
  const place = admin1 ? `${admin1}, ${country}` : country;
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
        <a
          className="button-link"
          href={exportHref(format, { country, admin1, from, to }, excel)}
          download
          rel="nofollow"
        >
          {t('exporting.download', { format: SHORT[format] })}
        </a>
      </div>
      {filtered && <p className="muted">{t('exporting.filtersNotApplied')}</p>}
    </section>
  );
}
