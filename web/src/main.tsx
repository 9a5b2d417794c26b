import { lazy, StrictMode, Suspense, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { arrived, get } from './api-client.ts';
import { Async, Empty, Loading } from './components/status-views.tsx';
import './i18n/i18n.ts';
import { LanguagePicker } from './i18n/language-picker.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import './styles.css';
import {
  countryChanges,
  pageHref,
  parseHash,
  type Resolved,
  resolveState,
  setUrlState,
  useUrlState,
} from './url-state.ts';
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
const LocalProcessesPage = lazy(() =>
  import('./pages/local-processes-page.tsx').then((m) => ({ default: m.LocalProcessesPage })),
);
const ParticipationPage = lazy(() =>
  import('./pages/participation-page.tsx').then((m) => ({ default: m.ParticipationPage })),
);
const FrictionsPage = lazy(() =>
  import('./pages/frictions-page.tsx').then((m) => ({ default: m.FrictionsPage })),
);
const ProblemsPage = lazy(() =>
  import('./pages/problems-page.tsx').then((m) => ({ default: m.ProblemsPage })),
);
const EventPage = lazy(() => import('./pages/event-page.tsx').then((m) => ({ default: m.EventPage })));
const ActorPage = lazy(() => import('./pages/actor-page.tsx').then((m) => ({ default: m.ActorPage })));
const BriefPage = lazy(() => import('./pages/brief-page.tsx').then((m) => ({ default: m.BriefPage })));

// Each page's label is a key of the catalogues in i18n/.
const NAV = [
  ['', 'nav.overview'],
  ['plan', 'nav.plan'],
  ['agreements', 'nav.agreements'],
  ['negotiations', 'nav.negotiations'],
  ['incidents', 'nav.incidents'],
  ['local', 'nav.local'],
  ['participation', 'nav.participation'],
  ['frictions', 'nav.frictions'],
  ['import', 'nav.import'],
  ['problems', 'nav.problems'],
  ['brief', 'nav.brief'],
] as const;

function App() {
  const { t } = useTranslation();
  const url = useUrlState();
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
  const countries = status.data?.countries ?? [];
  useEffect(() => {
    if (status.data) setStatusSeen(true);
  }, [status.data]);
  const state = resolveState(url.params, countries);
  const current = countries.find((c) => c.country === state.country);
  // The address always names the country and period shown, so that a reload or a copied link
  // shows the same thing, and links to other pages carry them.
  const { country, from, to } = state;
  const shown =
    url.params.get('country') === country && url.params.get('from') === from && url.params.get('to') === to;
  useEffect(() => {
    if (!country) return;
    if (shown) {
      localStorage.setItem('tandem.country', country);
      return;
    }
    // Resolved again from the address as it is now, not as this render saw it: a link followed (or
    // a page opened) since then carries its own period, which must not be overwritten.
    const live = resolveState(parseHash(location.hash).params, countries);
    if (!live.country) return;
    localStorage.setItem('tandem.country', live.country);
    setUrlState({ country: live.country, from: live.from, to: live.to });
  }, [country, shown, countries]);

  // After a page change, focus moves to the new content (as a page load would put it at the top);
  // on the first load it stays at the start of the document, before the navigation. A filter or
  // period change stays on the same page and keeps the focus where it is.
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page change is what triggers the move
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [url.page, state.area]);

  // The tab and the history name the page (and the area, event or actor), in the page's language,
  // so that tabs, bookmarks and screen readers can tell pages apart.
  useEffect(() => {
    const nav = NAV.find(([page]) => page === url.page);
    const what =
      url.page === 'area'
        ? state.area
        : url.page === 'actor'
          ? url.params.get('name')
          : url.page === 'event'
            ? `#${url.params.get('id') ?? ''}`
            : nav && t(nav[1]);
    document.title = [what, country, 'Tandem'].filter(Boolean).join(' · ');
  }, [url.page, url.params, state.area, country, t]);

  const choose = (name: string) => {
    const c = countries.find((x) => x.country === name);
    // The area belongs to the old country: its page gives way to the new country's overview.
    if (c) setUrlState(countryChanges(c), { push: true, page: url.page === 'area' ? '' : url.page });
  };
  const section = url.page;
  const [navOpen, setNavOpen] = useState(false);

  return (
    <>
      <button type="button" className="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t('shell.skip')}
      </button>
      <header className="top">
        <div className="brand">
          <strong>Tandem</strong> <span>{t('shell.tagline')}</span>
        </div>
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={navOpen}
          aria-controls="pages-nav"
          onClick={() => setNavOpen((o) => !o)}
        >
          {t('nav.menu')}
        </button>
        <nav aria-label={t('nav.label')} id="pages-nav" className={navOpen ? 'open' : undefined}>
          {NAV.map(([page, label]) => (
            <a
              key={page}
              href={pageHref(page)}
              onClick={() => setNavOpen(false)}
              aria-current={
                (page === '' ? section === '' || section === 'area' : page === section) ? 'page' : undefined
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
      {/* Over the fictional country only: a real one's pages (South Sudan beside the demo) are not. */}
      {(current ? current.demo : status.data?.demo) && (
        <p className="fiction" role="note">
          <strong>{t('shell.fictionTitle')}</strong> {t('shell.fiction')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Async state={status} what={t('shell.storeContents')}>
          {(s) => (
            <Suspense fallback={<Loading what={t('shell.thePage')} />}>
              <Page page={url.page} status={s} state={state} onImported={() => setReload((n) => n + 1)} />
            </Suspense>
          )}
        </Async>
      </main>
    </>
  );
}

function Page({
  page,
  status,
  state,
  onImported,
}: {
  page: string;
  status: WorkbenchStatus;
  state: Resolved;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const parts = window.location.hash.replace(/^#\/?/, '').split('?')[0]!.split('/').map(decodeURIComponent);
  const { country } = state;
  const info = status.countries.find((c) => c.country === country);
  switch (page) {
    case 'area':
      if (country && state.area)
        return <AreaPage country={country} admin1={state.area} from={state.from} to={state.to} />;
      return <Empty>{t('shell.chooseArea')}</Empty>;
    case 'plan':
      return <PlanPage country={country} />;
    case 'agreements':
      return <AgreementsPage />;
    case 'negotiations':
      return <NegotiationsPage country={country} />;
    case 'incidents':
      return <IncidentsPage country={country} onChanged={onImported} />;
    case 'local':
      return <LocalProcessesPage country={country} id={parts[1]} />;
    case 'participation':
      return <ParticipationPage country={country} id={parts[1]} />;
    case 'frictions':
      return <FrictionsPage country={country} />;
    case 'import':
      return <ImportPage status={status} onImported={onImported} />;
    case 'event':
      return <EventPage />;
    case 'actor':
      return <ActorPage />;
    case 'problems':
      return <ProblemsPage />;
    case 'brief':
      return <BriefPage country={country} />;
    default:
      if (!info) {
        return (
          <section className="empty-store">
            <h1>{t('shell.noEvents')}</h1>
            <p>
              {t('shell.emptyStore')} <a href="#/import">{t('shell.importFile')}</a>
              {t('shell.orRun')} <code>tandem import FILE</code>
              {t('shell.orStart')} <code>npm start</code> {t('shell.toLoadDemo')}
            </p>
          </section>
        );
      }
      return <OverviewPage info={info} from={state.from} to={state.to} />;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
