import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, runOperation } from '../api-client.ts';
import { LocalProcessMap, STATUS_COLOURS } from '../components/local-process-map.tsx';
import { MayWrite } from '../components/may-write.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { TextFileUpload } from '../components/text-file-upload.tsx';
import { day, num } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { label } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Check = OperationResult<'checkLocalProcesses'>;
type Checked = Check['processes'][number];
type Listed = OperationResult<'listLocalProcesses'>;

/** A finding's kind in the reader's language where the catalogue has it. */
function useFindingWord(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) =>
    kind === 'participants-or-mediators-targeted'
      ? t('localPeople.findingTargeted')
      : kind === 'local-national-disconnect'
        ? t('local.disconnect')
        : label(kind);
}

/** Why a process's counts are not counts, in the reader's language (null when they are counts). */
function useUncounted(): (p: Checked) => string | null {
  const { t } = useTranslation();
  return (p) =>
    p.countsUnavailable
      ? t(`local.uncounted.${p.countsUnavailable}`, { defaultValue: p.countsUnavailable })
      : null;
}

/** A count, or "–" with the reason beside it in a tooltip: a count not made never reads as 0. */
function Count({ n, why }: { n: number; why: string | null }) {
  const { t } = useTranslation();
  if (why === null) return <>{num(n)}</>;
  return (
    <abbr className="not-counted" title={why} aria-label={t('local.notCountedLabel', { why })}>
      –
    </abbr>
  );
}

/** What the check could not count, and why: under the table and on a process's page. */
function Notes({ notes }: { notes: string[] }) {
  const { t } = useTranslation();
  if (!notes.length) return null;
  return (
    <div className="local-notes">
      <h2>{t('local.notesHeading')}</h2>
      <ul className="muted">
        {notes.map((n) => (
          <li key={n}>{n.charAt(0).toUpperCase() + n.slice(1)}</li>
        ))}
      </ul>
    </div>
  );
}

function Change({ n }: { n: number }) {
  if (n === 0) return <span>±0</span>;
  return <span className={n > 0 ? 'change-up' : 'change-down'}>{n > 0 ? `+${num(n)}` : num(n)}</span>;
}

/** The local processes of a country: a map, the list, and each process's page (#/local/ID). */
export function LocalProcessesPage({ country, id }: { country: string | undefined; id?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const processId = id?.split('?')[0];
  // Importing a file asks the check again.
  const [imported, setImported] = useState(0);
  const check = useApi<Check>(country ? `local-check-${country}-${lang}-${imported}` : null, (s) =>
    get('/api/local-processes/check', { country, storedPlan: true, lang }, s),
  );
  if (!country) return <Empty>{t('local.chooseCountry')}</Empty>;
  return (
    <section className="local-processes">
      <Async state={check} what={t('local.theProcesses')}>
        {(c) =>
          processId ? (
            <ProcessView check={c} id={processId} country={country} />
          ) : (
            <>
              <ProcessList check={c} country={country} />
              <LocalProcessUpload onImported={() => setImported((n) => n + 1)} />
            </>
          )
        }
      </Async>
    </section>
  );
}

/**
 * Loads PA-X Local's CSV or the mission's own YAML or JSON file of local processes from the
 * person's computer, through the operation of `tandem local import FILE` (the server reads no path).
 */
function LocalProcessUpload({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  return (
    <MayWrite>
      <TextFileUpload
        label={t('local.load')}
        accept=".csv,.yaml,.yml,.json"
        refused={t('local.refused')}
        store={async (text, name) => {
          const r = await runOperation('importLocalProcesses', { text, name });
          onImported();
          return t('local.imported', {
            name,
            imported: r.imported,
            updated: r.updated,
            unchanged: r.unchanged,
            setAside: r.setAside,
          });
        }}
      />
    </MayWrite>
  );
}

function ProcessList({ check, country }: { check: Check; country: string }) {
  const { t } = useTranslation();
  const findingWord = useFindingWord();
  const uncountedWhy = useUncounted();
  const areas = useApi<OperationResult<'areaMap'>>(`local-areas-${country}`, (s) =>
    get('/api/areas', { country }, s),
  );
  const areasSettled = areas.data !== undefined || areas.error !== undefined;
  const open = (id: string) => {
    window.location.hash = `#/local/${encodeURIComponent(id)}`;
  };
  const disconnected = check.processes.filter((p) =>
    p.findings.some((f) => f.kind === 'local-national-disconnect'),
  ).length;
  return (
    <>
      <h1>{t('local.title', { country })}</h1>
      {check.processes.length === 0 ? (
        <Empty>
          {t('local.none', { country })} <code>tandem local import FILE</code>.
        </Empty>
      ) : (
        <>
          <p>
            {t('local.summary', {
              processes: t('local.processes', { count: check.processes.length }),
              unlinked: check.plan
                ? t('local.unlinkedOrPlan', { count: disconnected, plan: check.plan })
                : t('local.unlinked', { count: disconnected }),
              window: t('local.window', { radius: num(check.radiusKm), days: num(check.windowDays) }),
            })}
          </p>
          {areasSettled && (
            <LocalProcessMap
              areas={areas.data ?? null}
              // A point at (0, 0) or outside the country is no place to show: the notes say why.
              points={check.processes
                .filter(
                  (p) =>
                    p.countsUnavailable !== 'no-location' &&
                    p.countsUnavailable !== 'location-outside-country',
                )
                .map((p) => ({
                  id: p.id,
                  name: p.name,
                  latitude: p.latitude,
                  longitude: p.longitude,
                  status: p.status,
                  change: p.change,
                }))}
              onOpen={open}
            />
          )}
          <div className="table-scroll">
            <table className="local-list">
              <thead>
                <tr>
                  <th>{t('local.date')}</th>
                  <th>{t('local.process')}</th>
                  <th>{t('local.admin1')}</th>
                  <th>{t('local.status')}</th>
                  <th>{t('local.eventsBefore')}</th>
                  <th>{t('local.eventsAfter')}</th>
                  <th>{t('local.change')}</th>
                  <th>{t('local.findings')}</th>
                </tr>
              </thead>
              <tbody>
                {check.processes.map((p) => {
                  const why = uncountedWhy(p);
                  return (
                    <tr key={p.id} data-counts-unavailable={p.countsUnavailable ?? undefined}>
                      <td>{day(p.date)}</td>
                      <td>
                        <a href={`#/local/${encodeURIComponent(p.id)}`}>{p.name}</a>
                        {p.crossBorder && (
                          <span className="muted cross-border">
                            {' '}
                            {t('local.crossBorder', { country: p.country })}
                          </span>
                        )}
                      </td>
                      <td>{p.admin1 || '—'}</td>
                      <td>
                        <span className="legend-dot" style={{ background: STATUS_COLOURS[p.status] }} />{' '}
                        {t(`maps.localStatus.${p.status}`, { defaultValue: p.status })}
                      </td>
                      <td>
                        <Count n={p.before.events} why={why} />
                      </td>
                      <td>
                        <Count n={p.after.events} why={why} />
                      </td>
                      <td>{why === null ? <Change n={p.change} /> : <span className="muted">{why}</span>}</td>
                      <td>
                        {p.findings.map((f) => findingWord(f.kind)).join(t('common.listSeparator')) || '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Notes notes={check.notes} />
        </>
      )}
      {check.withheld > 0 && (
        <p className="muted">{t('localPeople.withheldProcesses', { count: check.withheld })}</p>
      )}
    </>
  );
}

/** Two pairs of bars: events and deaths before and after the process's date. */
function BeforeAfterChart({ p }: { p: Checked }) {
  const { t } = useTranslation();
  const rows = [
    [t('local.events'), p.before.events, p.after.events],
    [t('local.deaths'), p.before.fatalities, p.after.fatalities],
  ] as const;
  const width = 360;
  const max = Math.max(1, ...rows.flatMap(([, b, a]) => [b, a]));
  const scale = (v: number) => (v / max) * (width - 150);
  return (
    <svg
      className="before-after"
      width={width}
      height={rows.length * 56 + 10}
      role="img"
      aria-label={t('local.chartLabel', {
        beforeEvents: num(p.before.events),
        beforeDeaths: num(p.before.fatalities),
        afterEvents: num(p.after.events),
        afterDeaths: num(p.after.fatalities),
      })}
    >
      {rows.map(([label, b, a], i) => (
        <g key={label} transform={`translate(0, ${i * 56 + 4})`}>
          <text x={0} y={14} fontSize={12} fontWeight={600}>
            {label}
          </text>
          <text x={0} y={30} fontSize={11}>
            {t('local.before')}
          </text>
          <rect className="before" x={60} y={20} width={scale(b)} height={14} />
          <text x={64 + scale(b)} y={31} fontSize={11}>
            {num(b)}
          </text>
          <text x={0} y={48} fontSize={11}>
            {t('local.after')}
          </text>
          <rect className="after" x={60} y={38} width={scale(a)} height={14} />
          <text x={64 + scale(a)} y={49} fontSize={11}>
            {num(a)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function EventTable({ events, caption }: { events: Checked['before']['evidence']; caption: string }) {
  const { t } = useTranslation();
  if (!events.length) return <Empty>{t('local.noEvents', { caption })}</Empty>;
  return (
    <div className="table-scroll">
      <table className="events">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th>{t('local.date')}</th>
            <th>{t('local.source')}</th>
            <th>{t('local.admin1')}</th>
            <th>{t('local.actors')}</th>
            <th>{t('local.deaths')}</th>
            <th>km</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{day(e.date)}</td>
              <td>
                {e.source} {e.sourceEventId}
              </td>
              <td>{e.admin1}</td>
              <td>{actors(t, e.actor1, e.actor2)}</td>
              <td>{num(e.fatalities)}</td>
              <td>{num(e.distanceKm)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "A vs B", or the one actor named. */
function actors(t: TFunction, a: string | null | undefined, b: string | null | undefined): string {
  return a && b ? t('local.versus', { a, b }) : a || b || '';
}

/** The incidents and events that touched a process's participants, mediators or third parties. */
function PeopleTouched({ p, windowDays }: { p: Checked; windowDays: number }) {
  const { t } = useTranslation();
  const rows = p.incidentsTouchingParticipants;
  return (
    <>
      <h2>{t('localPeople.heading')}</h2>
      <p className="muted">{t('localPeople.intro', { windowDays })}</p>
      {rows.length === 0 ? (
        <Empty>{t('localPeople.none')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="people-touched">
            <thead>
              <tr>
                <th>{t('localPeople.date')}</th>
                <th>{t('localPeople.record')}</th>
                <th>{t('localPeople.what')}</th>
                <th>{t('localPeople.touches')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.kind}-${r.id}-${r.via}-${r.participant ?? r.named}`}>
                  <td>{day(r.date)}</td>
                  <td>
                    {r.kind === 'incident'
                      ? t('localPeople.incident', { id: r.id })
                      : t('localPeople.event', { source: r.source, sourceEventId: r.sourceEventId })}
                  </td>
                  <td>
                    {r.kind === 'incident'
                      ? t(`incidents.category.${r.category}`, { defaultValue: r.category })
                      : actors(t, r.actor1, r.actor2)}
                  </td>
                  <td>
                    {r.via === 'participant' ? (
                      r.alias ? (
                        <a href={`#/participation/${r.participant}`}>
                          {t('localPeople.participant', { who: r.alias })}
                        </a>
                      ) : (
                        t('localPeople.participantWithheld')
                      )
                    ) : r.via === 'mediator' ? (
                      t('localPeople.mediator', { name: r.named })
                    ) : (
                      t('localPeople.thirdParty', { name: r.named })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ProcessView({ check, id, country }: { check: Check; id: string; country: string }) {
  const { t } = useTranslation();
  const findingWord = useFindingWord();
  const uncountedWhy = useUncounted();
  const list = useApi<Listed>(`local-list-${country}`, (s) => get('/api/local-processes', { country }, s));
  const p = check.processes.find((x) => x.id === id);
  if (!p) return <Empty>{t('local.notFound', { id, country })}</Empty>;
  const detail = list.data?.processes.find((x) => x.id === id);
  const why = uncountedWhy(p);
  // The check's notes that concern this process, or the whole country (no event data).
  const notes = check.notes.filter((n) => n.includes(p.id) || !check.processes.some((x) => n.includes(x.id)));
  return (
    <>
      <p>
        <a href="#/local">{t('local.back')}</a>
      </p>
      <h1>{p.name}</h1>
      <dl className="facts">
        <dt>{t('local.date')}</dt>
        <dd>{day(p.date)}</dd>
        <dt>{t('local.place')}</dt>
        <dd>
          {detail?.place || '—'}, {p.admin1 || t('local.admin1Unknown')} ({p.latitude}, {p.longitude})
          {p.crossBorder ? ` — ${t('local.crossBorder', { country: p.country })}` : ''}
        </dd>
        <dt>{t('local.status')}</dt>
        <dd>{t(`maps.localStatus.${p.status}`, { defaultValue: p.status })}</dd>
        <dt>{t('local.office')}</dt>
        <dd>{p.office ?? t('local.noOffice')}</dd>
        <dt>{t('local.nationalLink')}</dt>
        <dd>
          {t(`local.links.${detail?.nationalLink ?? (p.linkedToNational ? 'linked' : 'none')}`)}
          {detail?.nationalLinkNote ? ` — ${detail.nationalLinkNote}` : ''}
        </dd>
        {detail && (
          <>
            <dt>{t('local.parties')}</dt>
            <dd>{detail.parties.join(t('common.listSeparator')) || '—'}</dd>
            <dt>{t('local.mediators')}</dt>
            <dd>{detail.mediators.join(t('common.listSeparator')) || '—'}</dd>
            <dt>{t('local.issues')}</dt>
            <dd>{detail.issues.join(t('common.listSeparator')) || '—'}</dd>
          </>
        )}
      </dl>
      <h2>{t('local.violence', { radius: num(check.radiusKm) })}</h2>
      {why !== null ? (
        <>
          <p className="not-counted-reason" data-counts-unavailable={p.countsUnavailable ?? undefined}>
            <strong>{t('local.notCounted')}</strong> {why}
          </p>
          <Notes notes={notes} />
        </>
      ) : (
        <>
          <p>
            {t('local.periods', {
              beforeFrom: day(p.before.from),
              beforeTo: day(p.before.to),
              afterFrom: day(p.after.from),
              afterTo: day(p.after.to),
            })}{' '}
            <Change n={p.change} />.
          </p>
          <BeforeAfterChart p={p} />
        </>
      )}
      <h2>{t('local.findings')}</h2>
      {p.findings.length === 0 ? (
        <Empty>{t('local.noFinding')}</Empty>
      ) : (
        <ul className="findings-inline">
          {p.findings.map((f) => (
            <li key={f.kind}>
              <span className={`kind kind-${f.kind}`}>{findingWord(f.kind)}</span> {f.message}
            </li>
          ))}
        </ul>
      )}
      <PeopleTouched p={p} windowDays={check.windowDays} />
      {why === null && (
        <>
          <h2>{t('local.evidence')}</h2>
          <EventTable
            events={p.before.evidence}
            caption={t('local.beforeCaption', { count: p.before.events })}
          />
          <EventTable
            events={p.after.evidence}
            caption={t('local.afterCaption', { count: p.after.events })}
          />
        </>
      )}
      <p className="muted">{check.method}</p>
    </>
  );
}
