import { lazy, StrictMode, Suspense, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { arrived, get } from './api-client.ts';
import { Async, Loading } from './components/status-views.tsx';
import './i18n/i18n.ts';
import { LanguagePicker } from './i18n/language-picker.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import './styles.css';
import { useApi } from './use-api.ts';
import type { WorkbenchStatus } from './workbench-types.ts';

// The overview is the first page most visits show and comes with the application's code; the others
// are loaded when first opened, so that the overview's code is all the browser compiles at first.
const AreaPage = lazy(() => import('./pages/area-page.tsx').then((m) => ({ default: m.AreaPage })));
const PlanPage = lazy(() => import('./pages/plan-page.tsx').then((m) => ({ default: m.PlanPage })));
const AgreementsPage = lazy(() =>
  import('./pages/agreements-page.tsx').then((m) => ({ default: m.AgreementsPage })),
);
const NegotiationsPage = lazy(() =>
  import('./pages/negotiations-page.tsx').then((m) => ({ default: m.NegotiationsPage })),
);
const ImportPage = lazy(() => import('./pages/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const IncidentsPage = lazy(() =>
  import('./pages/incidents-page.tsx').then((m) => ({ default: m.IncidentsPage })),
);
const BriefPage = lazy(() => import('./pages/brief-page.tsx').then((m) => ({ default: m.BriefPage })));

// Each page's label is a key of the catalogues in i18n/.
const NAV = [
  ['#/', 'nav.overview'],
  ['#/plan', 'nav.plan'],
  ['#/agreements', 'nav.agreements'],
  ['#/negotiations', 'nav.negotiations'],
  ['#/incidents', 'nav.incidents'],
  ['#/import', 'nav.import'],
  ['#/brief', 'nav.brief'],
] as const;

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(window.location.hash || '#/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function App() {
  const { t } = useTranslation();
  const hash = useHash();
  const [reload, setReload] = useState(0);
  // Who is signed in, for the header; asked once the page has its status, so it never delays it.
  const [statusSeen, setStatusSeen] = useState(false);
  const me = useApi<{ name: string; signInRequired: boolean }>(statusSeen ? 'whoami' : null, (s) =>
    get('/api/whoami', undefined, s),
  );
  const status = useApi<WorkbenchStatus>(
    `status-${reload}`,
    (s) => {
      // The first answer was asked for by index.html before this code loaded; later ones are fresh.
      const early =
        reload === 0 ? (window as { tandemStatus?: Promise<WorkbenchStatus> }).tandemStatus : undefined;
      return early
        ? early.catch(() => get<WorkbenchStatus>('/api/status', undefined, s))
        : get('/api/status', undefined, s);
    },
    // Already in when this code runs, it is shown in the first render.
    () => arrived<WorkbenchStatus>('/api/status'),
  );
  const [country, setCountry] = useState<string>(() => localStorage.getItem('tandem.country') ?? '');
  const countries = status.data?.countries ?? [];
  useEffect(() => {
    if (status.data) setStatusSeen(true);
  }, [status.data]);
  const current = countries.find((c) => c.country === country) ?? countries[0];

  // After a page change, focus moves to the new content (as a page load would put it at the top);
  // on the first load it stays at the start of the document, before the navigation.
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page change is what triggers the move
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [hash]);

  const choose = (c: string) => {
    setCountry(c);
    localStorage.setItem('tandem.country', c);
  };
  const section = hash.split('/')[1] ?? '';

  return (
    <>
      <button type="button" className="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t('shell.skip')}
      </button>
      <header className="top">
        <div className="brand">
          <strong>Tandem</strong> <span>{t('shell.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          {NAV.map(([href, label]) => (
            <a
              key={href}
              href={href}
              aria-current={
                (href === '#/' ? section === '' || section === 'area' : href === `#/${section}`)
                  ? 'page'
                  : undefined
              }
            >
              {t(label)}
            </a>
          ))}
        </nav>
        {me.data?.signInRequired && (
          <span className="who">
            {me.data.name} · <a href="/sign-out">{t('shell.signOut')}</a>
          </span>
        )}
        {countries.length > 0 && (
          <label className="country-pick">
            {t('shell.country')}{' '}
            <select value={current?.country ?? ''} onChange={(e) => choose(e.target.value)}>
              {countries.map((c) => (
                <option key={c.country} value={c.country}>
                  {t('shell.countryEvents', { country: c.country, count: c.events })}
                </option>
              ))}
            </select>
          </label>
        )}
        <LanguagePicker />
      </header>
      {status.data?.demo && (
        <p className="fiction" role="note">
          <strong>{t('shell.fictionTitle')}</strong> {t('shell.fiction')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Async state={status} what="the store's contents">
          {(s) => (
            <Suspense fallback={<Loading what="the page" />}>
              <Page
                hash={hash}
                status={s}
                country={current?.country}
                onImported={() => setReload((n) => n + 1)}
              />
            </Suspense>
          )}
        </Async>
      </main>
    </>
  );
}

function Page({
  hash,
  status,
  country,
  onImported,
}: {
  hash: string;
  status: WorkbenchStatus;
  country: string | undefined;
  onImported: () => void;
}) {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const info = status.countries.find((c) => c.country === country);
  switch (parts[0]) {
    case 'area':
      return <AreaPage country={parts[1]} admin1={parts[2]} />;
    case 'plan':
      return <PlanPage country={country} />;
    case 'agreements':
      return <AgreementsPage />;
    case 'negotiations':
      return <NegotiationsPage country={country} />;
    case 'incidents':
      return <IncidentsPage country={country} />;
    case 'import':
      return <ImportPage status={status} onImported={onImported} />;
    case 'brief':
      return <BriefPage country={country} />;
    default:
      if (!info) {
        return (
          <section className="empty-store">
            <h1>No events yet</h1>
            <p>
              The store is empty. <a href="#/import">Import an ACLED, UCDP GED or HXL file</a>, or run{' '}
              <code>tandem import FILE</code>, or start with <code>npm start</code> to load the fictional
              demonstration mission.
            </p>
          </section>
        );
      }
      return <OverviewPage info={info} />;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
