import { useTranslation } from 'react-i18next';
import { get } from '../api-client.ts';
import { LocalProcessMap, STATUS_COLOURS } from '../components/local-process-map.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Check = OperationResult<'checkLocalProcesses'>;
type Checked = Check['processes'][number];
type Listed = OperationResult<'listLocalProcesses'>;

const num = (n: number) => n.toLocaleString('en-GB');

const FINDING_WORDS: Record<string, string> = {
  'local-national-disconnect': 'Local–national disconnect',
  'breaking-down': 'Breaking down',
};

/** A finding's kind in the reader's language where the catalogue has it. */
function useFindingWord(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) =>
    kind === 'participants-or-mediators-targeted'
      ? t('localPeople.findingTargeted')
      : (FINDING_WORDS[kind] ?? kind);
}

function Change({ n }: { n: number }) {
  if (n === 0) return <span>±0</span>;
  return <span className={n > 0 ? 'change-up' : 'change-down'}>{n > 0 ? `+${num(n)}` : num(n)}</span>;
}

/** The local processes of a country: a map, the list, and each process's page (#/local/ID). */
export function LocalProcessesPage({ country, id }: { country: string | undefined; id?: string }) {
  const processId = id?.split('?')[0];
  const check = useApi<Check>(country ? `local-check-${country}` : null, (s) =>
    get('/api/local-processes/check', { country, storedPlan: true }, s),
  );
  if (!country) return <Empty>Choose a country first.</Empty>;
  return (
    <section className="local-processes">
      <Async state={check} what="the local processes">
        {(c) =>
          processId ? (
            <ProcessView check={c} id={processId} country={country} />
          ) : (
            <ProcessList check={c} country={country} />
          )
        }
      </Async>
    </section>
  );
}

function ProcessList({ check, country }: { check: Check; country: string }) {
  const { t } = useTranslation();
  const findingWord = useFindingWord();
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
      <h1>Local processes in {country}</h1>
      {check.processes.length === 0 ? (
        <Empty>
          No local process recorded for {country}. Import PA-X Local or your own file with{' '}
          <code>tandem local import FILE</code>.
        </Empty>
      ) : (
        <>
          <p>
            {num(check.processes.length)} local processes; {num(disconnected)} with no link to the national
            process{check.plan ? ` or the plan (${check.plan})` : ''}. Violence within {check.radiusKm} km,{' '}
            {check.windowDays} days before and after each.
          </p>
          {areasSettled && (
            <LocalProcessMap
              areas={areas.data ?? null}
              points={check.processes.map((p) => ({
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
                  <th>Date</th>
                  <th>Process</th>
                  <th>Admin-1</th>
                  <th>Status</th>
                  <th>Events before</th>
                  <th>Events after</th>
                  <th>Change</th>
                  <th>Findings</th>
                </tr>
              </thead>
              <tbody>
                {check.processes.map((p) => (
                  <tr key={p.id}>
                    <td>{p.date}</td>
                    <td>
                      <a href={`#/local/${encodeURIComponent(p.id)}`}>{p.name}</a>
                    </td>
                    <td>{p.admin1 || '—'}</td>
                    <td>
                      <span className="legend-dot" style={{ background: STATUS_COLOURS[p.status] }} />{' '}
                      {p.status}
                    </td>
                    <td>{num(p.before.events)}</td>
                    <td>{num(p.after.events)}</td>
                    <td>
                      <Change n={p.change} />
                    </td>
                    <td>{p.findings.map((f) => findingWord(f.kind)).join('; ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
  const rows = [
    ['Events', p.before.events, p.after.events],
    ['Deaths', p.before.fatalities, p.after.fatalities],
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
      aria-label={`Before: ${p.before.events} events, ${p.before.fatalities} deaths. After: ${p.after.events} events, ${p.after.fatalities} deaths.`}
    >
      {rows.map(([label, b, a], i) => (
        <g key={label} transform={`translate(0, ${i * 56 + 4})`}>
          <text x={0} y={14} fontSize={12} fontWeight={600}>
            {label}
          </text>
          <text x={0} y={30} fontSize={11}>
            before
          </text>
          <rect className="before" x={60} y={20} width={scale(b)} height={14} />
          <text x={64 + scale(b)} y={31} fontSize={11}>
            {num(b)}
          </text>
          <text x={0} y={48} fontSize={11}>
            after
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
  if (!events.length) return <Empty>{caption}: none.</Empty>;
  return (
    <div className="table-scroll">
      <table className="events">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th>Date</th>
            <th>Source</th>
            <th>Admin-1</th>
            <th>Actors</th>
            <th>Deaths</th>
            <th>km</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{e.date}</td>
              <td>
                {e.source} {e.sourceEventId}
              </td>
              <td>{e.admin1}</td>
              <td>{[e.actor1, e.actor2].filter(Boolean).join(' vs ')}</td>
              <td>{num(e.fatalities)}</td>
              <td>{e.distanceKm}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
                  <td>{r.date}</td>
                  <td>
                    {r.kind === 'incident'
                      ? t('localPeople.incident', { id: r.id })
                      : t('localPeople.event', { source: r.source, sourceEventId: r.sourceEventId })}
                  </td>
                  <td>
                    {r.kind === 'incident' ? r.category : [r.actor1, r.actor2].filter(Boolean).join(' vs ')}
                  </td>
                  <td>
                    {r.via === 'participant' ? (
                      r.alias ? (
                        <a href={`#/participation/${r.participant}`}>
                          {t('localPeople.participant', { who: r.alias })}
                        </a>
                      ) : (
                        t('localPeople.participantWithheld', { id: r.participant })
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
  const findingWord = useFindingWord();
  const list = useApi<Listed>(`local-list-${country}`, (s) => get('/api/local-processes', { country }, s));
  const p = check.processes.find((x) => x.id === id);
  if (!p)
    return (
      <Empty>
        No local process {id} in {country}.
      </Empty>
    );
  const detail = list.data?.processes.find((x) => x.id === id);
  return (
    <>
      <p>
        <a href="#/local">← All local processes</a>
      </p>
      <h1>{p.name}</h1>
      <dl className="facts">
        <dt>Date</dt>
        <dd>{p.date}</dd>
        <dt>Place</dt>
        <dd>
          {detail?.place || '—'}, {p.admin1 || 'admin-1 unknown'} ({p.latitude}, {p.longitude})
        </dd>
        <dt>Status</dt>
        <dd>{p.status}</dd>
        <dt>Field office</dt>
        <dd>{p.office ?? 'none recorded'}</dd>
        <dt>Link to the national process</dt>
        <dd>
          {detail?.nationalLink ?? (p.linkedToNational ? 'linked' : 'none')}
          {detail?.nationalLinkNote ? ` — ${detail.nationalLinkNote}` : ''}
        </dd>
        {detail && (
          <>
            <dt>Parties</dt>
            <dd>{detail.parties.join('; ') || '—'}</dd>
            <dt>Mediators</dt>
            <dd>{detail.mediators.join('; ') || '—'}</dd>
            <dt>Issues</dt>
            <dd>{detail.issues.join('; ') || '—'}</dd>
          </>
        )}
      </dl>
      <h2>Violence within {check.radiusKm} km, before and after</h2>
      <p>
        Before: {p.before.from} to {p.before.to}. After: {p.after.from} to {p.after.to}. Change in events:{' '}
        <Change n={p.change} />.
      </p>
      <BeforeAfterChart p={p} />
      <h2>Findings</h2>
      {p.findings.length === 0 ? (
        <Empty>No finding.</Empty>
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
      <h2>The events behind the figures</h2>
      <EventTable events={p.before.evidence} caption={`Before (${p.before.events} events)`} />
      <EventTable events={p.after.evidence} caption={`After (${p.after.events} events)`} />
      <p className="muted">{check.method}</p>
    </>
  );
}
