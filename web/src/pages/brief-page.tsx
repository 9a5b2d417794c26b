import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, get, queryString, refusalOf } from '../api-client.ts';
import { DownloadLink } from '../components/download-link.tsx';
import { Empty, ErrorBox } from '../components/status-views.tsx';
import { briefFileName } from '../file-download.ts';
import { day } from '../format.ts';
import { countryIn } from '../i18n/country-format.ts';
import { setUrlState, useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import type { AreaMapAnswer } from '../workbench-types.ts';
import '../components/workbench-tasks.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The joint analysis brief, for what the person chooses it to cover: the country chosen in the
 * header (the workbench has one country picker), one of its areas or the whole country, and a
 * period. The choice lives in the address
 * (`#/brief?country=…&area=…&from=…&to=…`), as on the other pages; the brief itself is rendered by
 * the server (`/api/brief.html`, `/api/brief.pdf`, `/api/brief.md`) with the same operation as `tandem brief`.
 */
export function BriefPage({ country: headerCountry }: { country: string | undefined }) {
  const { t, i18n } = useTranslation();
  const params = useUrlState().params;
  const country = params.get('country') || headerCountry;
  const area = params.get('area') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (!country) return <Empty>{t('brief.importFirst')}</Empty>;
  // The brief is written in the reader's language.
  const lang = i18n.language === 'fr' ? 'fr' : undefined;
  const q = queryString({
    country,
    admin1: area || undefined,
    from: from || undefined,
    to: to || undefined,
    lang,
  });
  const countryName = countryIn(country, i18n.language);
  const scope = [
    area || countryName,
    from || to
      ? t('brief.period', {
          from: from ? day(from) : t('brief.theStart'),
          to: to ? day(to) : t('brief.latest'),
        })
      : t('brief.whole'),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="brief">
      <h1>{t('brief.title', { scope: area ? `${area} (${countryName})` : countryName })}</h1>
      <BriefOptions
        key={`${country} ${area} ${from} ${to}`}
        country={country}
        area={area}
        from={from}
        to={to}
      />
      <p>
        <a href={`/api/brief.html${q}`} target="_blank" rel="noreferrer">
          {t('brief.openHtml')}
        </a>{' '}
        · {/* Saved as a file named for what it covers, as the server names it (brief-routes.ts). */}
        <DownloadLink
          href={`/api/brief.pdf${q}`}
          fileName={briefFileName({ country, admin1: area, from, to })}
        >
          {t('brief.pdf')}
        </DownloadLink>{' '}
        ·{' '}
        <DownloadLink
          href={`/api/brief.md${q}`}
          fileName={briefFileName({ country, admin1: area, from, to }, 'md')}
        >
          {t('brief.markdown')}
        </DownloadLink>{' '}
        <span className="muted">{t('brief.pdfNote', { scope })}</span>
      </p>
      <BriefFrame key={q} title={t('brief.frame')} src={`/api/brief.html${q}`} />
    </section>
  );
}

/**
 * The brief as the server renders it, in a frame as tall as the brief: the page scrolls, not a
 * box inside it. The brief comes from this server, so its height can be read once it has loaded,
 * and again when the width changes and its lines wrap anew.
 */
function BriefFrame({ title, src }: { title: string; src: string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  // A brief the server refuses (an area with no events, a period outside the data) comes back as
  // the API's JSON error: said as every page says a refusal, not shown raw in the frame.
  const [refused, setRefused] = useState<ApiError | null>(null);
  // The server writes the brief for each request (2 to 9 s): say so until it is there, rather than
  // an empty frame (API probe). A new scope or language is a new source, loading again.
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  const loaded = () => {
    setLoadedSrc(src);
    const doc = frame.current?.contentDocument;
    if (doc?.contentType === 'application/json') {
      let body: { error?: Parameters<typeof refusalOf>[0] } | undefined;
      try {
        body = JSON.parse(doc.documentElement.textContent ?? '');
      } catch {
        body = undefined;
      }
      setRefused(refusalOf(body?.error, 0));
      return;
    }
    fit();
  };
  const fit = () => {
    const doc = frame.current?.contentDocument;
    if (!frame.current || !doc?.documentElement) return;
    markWideCharts(doc, t('brief.scrollHint'));
    // Back to the least height first, or a frame once tall would never shrink on a wider window.
    frame.current.style.height = '';
    frame.current.style.height = `${doc.documentElement.scrollHeight + 2}px`;
  };
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });
  return (
    <>
      {refused && <ErrorBox error={refused} what={title} />}
      {loadedSrc !== src && !refused && (
        <p className="muted" role="status">
          {t('common.loading', { what: title })}
        </p>
      )}
      <iframe
        ref={frame}
        title={title}
        className="brief-frame"
        src={src}
        onLoad={loaded}
        hidden={refused !== null}
      />
    </>
  );
}

/**
 * On a phone the brief keeps its charts at a width their labels can be read at, and each scrolls
 * sideways in its figure; a phone shows no scroll bar until touched, so a chart read as cut off.
 * Each figure wider than the frame gets a line saying it scrolls, and a visible bar; a figure that
 * fits (a wider window) hides its line again.
 */
function markWideCharts(doc: Document, hint: string): void {
  if (!doc.getElementById('tandem-wide-charts')) {
    const style = doc.createElement('style');
    style.id = 'tandem-wide-charts';
    style.textContent = `
p.tandem-scroll-hint { font-size: 12px; color: #555; margin: 0.25em 0 0; }
figure.tandem-wide { scrollbar-width: thin; scrollbar-color: #888 #eee; padding-bottom: 4px;
  box-shadow: inset -12px 0 10px -10px rgba(0, 0, 0, 0.35); }
figure.tandem-wide::-webkit-scrollbar { height: 6px; }
figure.tandem-wide::-webkit-scrollbar-thumb { background: #888; border-radius: 3px; }
figure.tandem-wide::-webkit-scrollbar-track { background: #eee; }`;
    doc.head.append(style);
  }
  for (const figure of doc.querySelectorAll('figure')) {
    if (!figure.querySelector('svg')) continue;
    const wide = figure.scrollWidth > figure.clientWidth + 1;
    figure.classList.toggle('tandem-wide', wide);
    let line = figure.previousElementSibling;
    if (!line?.classList.contains('tandem-scroll-hint')) {
      if (!wide) continue;
      line = doc.createElement('p');
      line.className = 'tandem-scroll-hint';
      line.textContent = hint;
      figure.before(line);
    }
    (line as HTMLElement).hidden = !wide;
  }
}

/** The brief's scope as a form; a period that ends before it starts is refused beside its field. */
function BriefOptions(props: { country: string; area: string; from: string; to: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(props);
  const [problem, setProblem] = useState<{ field: 'from' | 'to'; message: string } | null>(null);
  const areas = useApi<AreaMapAnswer>(`brief-areas ${draft.country}`, (s) =>
    get('/api/areas', { country: draft.country }, s),
  );
  const names = [...new Set((areas.data?.areas ?? []).map((a) => a.admin1).filter(Boolean))].sort();
  const apply = () => {
    for (const field of ['from', 'to'] as const) {
      if (draft[field] && !DAY.test(draft[field])) {
        setProblem({ field, message: t('brief.aDay') });
        return;
      }
    }
    if (draft.from && draft.to && draft.from > draft.to) {
      setProblem({ field: 'to', message: t('brief.endsBefore', { to: draft.to, from: draft.from }) });
      return;
    }
    setProblem(null);
    setUrlState({ country: draft.country, area: draft.area, from: draft.from, to: draft.to }, { push: true });
  };
  const error = (field: 'from' | 'to') =>
    problem?.field === field ? (
      <span className="field-error" id={`${id}-${field}-error`} role="alert">
        {problem.message}
      </span>
    ) : null;
  return (
    <form
      className="task-form"
      aria-label={t('brief.covers')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label htmlFor={`${id}-area`}>
        {t('brief.area')}
        <select
          id={`${id}-area`}
          value={draft.area}
          onChange={(e) => setDraft({ ...draft, area: e.target.value })}
        >
          <option value="">{t('brief.wholeCountry')}</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-from`}>
        {t('brief.from')}
        <input
          id={`${id}-from`}
          type="date"
          value={draft.from}
          aria-invalid={problem?.field === 'from' || undefined}
          aria-describedby={problem?.field === 'from' ? `${id}-from-error` : undefined}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        {error('from')}
      </label>
      <label htmlFor={`${id}-to`}>
        {t('brief.to')}
        <input
          id={`${id}-to`}
          type="date"
          value={draft.to}
          aria-invalid={problem?.field === 'to' || undefined}
          aria-describedby={problem?.field === 'to' ? `${id}-to-error` : undefined}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        {error('to')}
      </label>
      <button type="submit">{t('brief.show')}</button>
    </form>
  );
}
