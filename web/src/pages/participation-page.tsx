import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../api-client.ts';
import { ParticipantForm } from '../components/participant-form.tsx';
import { Async, Empty, ErrorBox } from '../components/status-views.tsx';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { useSignedIn } from '../use-signed-in.ts';

type Register = OperationResult<'listParticipants'>;
type Participant = Register['participants'][number];
type Check = OperationResult<'checkParticipation'>;

const ALERT_WORDS: Record<string, string> = {
  'threat-before-round': 'Threat before a round',
  'below-quota-trend': "Women's share below the quota, round after round",
  'local-mediators-attacked': "A local process's people attacked",
};

/** Measures whose review falls within two weeks (or is past), and that are not closed. */
function measuresDue(participants: Participant[], today = new Date()) {
  const soon = new Date(today.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  return participants.flatMap((p) =>
    (p.measures ?? [])
      .filter((m) => m.status !== 'closed' && m.reviewOn && m.reviewOn <= soon)
      .map((m) => ({ participant: p, measure: m })),
  );
}

/**
 * The protection–participation register, for those cleared to see it: the register (records of
 * other offices or above one's clearance are shown withheld), the measures due, the alerts, and
 * for those who may change the store, the form that adds a participant. `#/participation/ID` is
 * one participant's page.
 */
export function ParticipationPage({ country, id }: { country: string | undefined; id?: string }) {
  const { t } = useTranslation();
  const participantId = id?.split('?')[0];
  const [added, setAdded] = useState(0);
  const me = useSignedIn();
  const register = useApi<Register>(country ? `participants-${country}-${added}` : null, (s) =>
    get('/api/participants', { country }, s),
  );
  const check = useApi<Check>(country ? `participation-${country}-${added}` : null, (s) =>
    get('/api/participation/check', { country }, s),
  );
  if (!country) return <Empty>Choose a country first.</Empty>;
  return (
    <section className="participation">
      <p className="muted" role="note">
        Strictly confidential by default. Who is shown in full is decided by your clearance and your office;
        every view of this page is recorded in the audit.
      </p>
      <Async state={register} what="the register">
        {(r) => {
          if (participantId) {
            const p = r.participants.find((x) => String(x.id) === participantId);
            return p ? (
              <ParticipantView p={p} check={check.data} />
            ) : (
              <Empty>No participant {participantId}.</Empty>
            );
          }
          const full = r.participants.filter((p) => !p.withheld);
          return (
            <>
              <h1>Participation in {country}</h1>
              <RegisterTable participants={r.participants} />
              {r.participants.length > 0 && full.length === 0 && (
                <p className="muted">
                  Every record here belongs to another office or is above your clearance: you see that they
                  exist, not who they are.
                </p>
              )}
              <h2>Protective measures due</h2>
              <MeasuresDue participants={full} />
            </>
          );
        }}
      </Async>
      {!participantId && (
        <>
          <h2>Participation at risk</h2>
          {check.error instanceof ApiError ? (
            <ErrorBox error={check.error} what="the alerts" />
          ) : (
            <Async state={check} what="the alerts">
              {(c) => <Alerts alerts={c.alerts} />}
            </Async>
          )}
          {me.data?.mayWrite && (
            <section aria-labelledby="add-participant">
              <h2 id="add-participant">{t('participantForm.heading')}</h2>
              <p className="muted">{t('participantForm.intro')}</p>
              <ParticipantForm country={country} me={me.data} onAdded={() => setAdded((n) => n + 1)} />
            </section>
          )}
        </>
      )}
    </section>
  );
}

function RegisterTable({ participants }: { participants: Participant[] }) {
  if (!participants.length) return <Empty>No one is in the register for this country.</Empty>;
  return (
    <div className="table-scroll">
      <table className="register">
        <thead>
          <tr>
            <th>Id</th>
            <th>Alias</th>
            <th>Role</th>
            <th>Gender</th>
            <th>Organisation</th>
            <th>Office</th>
            <th>Admin-1</th>
            <th>Processes</th>
            <th>Consent</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`#/participation/${p.id}`}>{p.id}</a>
              </td>
              <td>{p.withheld ? <em>withheld</em> : p.alias}</td>
              <td>{p.role}</td>
              <td>{p.gender}</td>
              <td>{p.withheld ? <em>withheld</em> : p.organisation || '—'}</td>
              <td>{p.office}</td>
              <td>{p.admin1 || '—'}</td>
              <td>{p.processes ? p.processes.map((x) => x.process).join(', ') || '—' : <em>withheld</em>}</td>
              <td>
                {p.consent ? (
                  p.consent.given ? (
                    `given ${p.consent.on ?? ''}`
                  ) : (
                    'not recorded'
                  )
                ) : (
                  <em>withheld</em>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MeasuresDue({ participants }: { participants: Participant[] }) {
  const due = measuresDue(participants);
  if (!due.length) return <Empty>No measure is due for review in the next two weeks.</Empty>;
  return (
    <ul>
      {due.map(({ participant, measure }) => (
        <li key={`${participant.id}-${measure.kind}`}>
          <strong>{measure.reviewOn}</strong> {measure.kind} for{' '}
          <a href={`#/participation/${participant.id}`}>{participant.alias}</a> ({measure.status}, owner{' '}
          {measure.owner || 'not named'})
        </li>
      ))}
    </ul>
  );
}

function Alerts({ alerts }: { alerts: Check['alerts'] }) {
  if (!alerts.length) return <Empty>No alert.</Empty>;
  return (
    <div>
      {alerts.map((a) => (
        <div className="alert-card" key={`${a.kind}-${a.participant}-${a.process}-${a.round}`}>
          <strong>{ALERT_WORDS[a.kind] ?? a.kind}</strong>
          {a.participant !== null && (
            <>
              {' '}
              · participant <a href={`#/participation/${a.participant}`}>{a.participant}</a>
            </>
          )}{' '}
          · {a.processName}
          {a.round ? ` · round ${a.round}` : ''}
          <p>{a.message}</p>
          {a.incidents.length > 0 && (
            <p>
              Incidents:{' '}
              {a.incidents
                .map((x) => `#${x.id} ${x.occurredOn} ${x.category}${x.admin1 ? ` (${x.admin1})` : ''}`)
                .join('; ')}
            </p>
          )}
          {a.shares && (
            <p>
              Shares of women:{' '}
              {a.shares
                .map((s) => `${s.round} ${s.share === null ? 'n/a' : `${Math.round(s.share * 100)}%`}`)
                .join(', ')}{' '}
              (quota {Math.round((a.shares[0]?.quota ?? 0) * 100)}%)
            </p>
          )}
          <details>
            <summary>Suggested measures</summary>
            <ul>
              {a.measures.map((m) => (
                <li key={m.id}>{m.text}</li>
              ))}
            </ul>
          </details>
        </div>
      ))}
    </div>
  );
}

function ParticipantView({ p, check }: { p: Participant; check: Check | undefined }) {
  const alerts = check?.alerts.filter((a) => a.participant === p.id) ?? [];
  return (
    <>
      <p>
        <a href="#/participation">← The register</a>
      </p>
      <h1>{p.withheld ? `Participant ${p.id}` : p.alias}</h1>
      {p.withheld ? (
        <p className="muted">
          This record belongs to another office or is above your clearance: who they are is withheld.
        </p>
      ) : null}
      <dl className="facts">
        {p.realName && (
          <>
            <dt>Real name</dt>
            <dd>{p.realName}</dd>
          </>
        )}
        <dt>Role</dt>
        <dd>{p.role}</dd>
        <dt>Gender</dt>
        <dd>{p.gender}</dd>
        <dt>Organisation</dt>
        <dd>{p.withheld ? 'withheld' : p.organisation || '—'}</dd>
        <dt>Office</dt>
        <dd>{p.office}</dd>
        <dt>Area</dt>
        <dd>
          {p.admin1 || '—'}, {p.country}
        </dd>
        <dt>Sensitivity</dt>
        <dd>{p.sensitivity}</dd>
        {!p.withheld && (
          <>
            <dt>Takes part in</dt>
            <dd>
              {(p.processes ?? []).map((x) => (
                <div key={`${x.kind}-${x.process}`}>
                  {x.kind === 'local' ? (
                    <a href={`#/local/${encodeURIComponent(x.process)}`}>{x.process}</a>
                  ) : (
                    `negotiation process ${x.process}`
                  )}
                  {x.rounds.length ? ` (rounds ${x.rounds.join(', ')})` : ''}
                </div>
              ))}
            </dd>
            <dt>Consent</dt>
            <dd>{p.consent?.given ? `given on ${p.consent.on}` : 'not recorded'}</dd>
            <dt>Incidents against them</dt>
            <dd>{p.incidents?.length ? p.incidents.map((i) => `#${i}`).join(', ') : 'none linked'}</dd>
          </>
        )}
      </dl>
      {!p.withheld && (
        <>
          <h2>Protective measures</h2>
          {p.measures?.length ? (
            <table>
              <thead>
                <tr>
                  <th>Measure</th>
                  <th>Owner</th>
                  <th>Status</th>
                  <th>Review</th>
                </tr>
              </thead>
              <tbody>
                {p.measures.map((m) => (
                  <tr key={m.kind}>
                    <td>{m.kind}</td>
                    <td>{m.owner || '—'}</td>
                    <td>{m.status}</td>
                    <td>{m.reviewOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>No protective measure recorded.</Empty>
          )}
          <h2>Alerts</h2>
          <Alerts alerts={alerts} />
        </>
      )}
    </>
  );
}
