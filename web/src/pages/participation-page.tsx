import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../api-client.ts';
import { MayWrite } from '../components/may-write.tsx';
import { EraseParticipant, MeasureStatus } from '../components/participant-care.tsx';
import { ParticipantForm } from '../components/participant-form.tsx';
import { Async, Empty, ErrorBox } from '../components/status-views.tsx';
import { day, pct } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { useSignedIn } from '../use-signed-in.ts';

type Register = OperationResult<'listParticipants'>;
type Participant = Register['participants'][number];
type Check = OperationResult<'checkParticipation'>;

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
  const lang = useLanguage();
  const me = useSignedIn();
  const register = useApi<Register>(country ? `participants-${country}-${added}` : null, (s) =>
    get('/api/participants', { country }, s),
  );
  const check = useApi<Check>(country ? `participation-${country}-${added}-${lang}` : null, (s) =>
    get('/api/participation/check', { country, lang }, s),
  );
  const processName = useProcessNames(country);
  if (!country) return <Empty>{t('participation.chooseCountry')}</Empty>;
  return (
    <section className="participation">
      <p className="muted" role="note">
        {t('participation.confidential')}
      </p>
      <Async state={register} what={t('participation.theRegister')}>
        {(r) => {
          if (participantId) {
            const p = r.participants.find((x) => String(x.id) === participantId);
            return p ? (
              <ParticipantView
                p={p}
                check={check.data}
                processName={processName}
                onChanged={() => setAdded((n) => n + 1)}
                onErased={() => {
                  window.location.hash = '#/participation';
                  setAdded((n) => n + 1);
                }}
              />
            ) : (
              <Empty>{t('participation.notFound', { id: participantId })}</Empty>
            );
          }
          const full = r.participants.filter((p) => !p.withheld);
          return (
            <>
              <h1>{t('participation.title', { country })}</h1>
              <RegisterTable participants={r.participants} processName={processName} />
              {r.participants.length > 0 && full.length === 0 && (
                <p className="muted">{t('participation.allWithheld')}</p>
              )}
              <h2>{t('participation.measuresDue')}</h2>
              <MeasuresDue participants={full} />
            </>
          );
        }}
      </Async>
      {!participantId && (
        <>
          <h2>{t('participation.atRisk')}</h2>
          {check.error instanceof ApiError ? (
            <ErrorBox error={check.error} what={t('participation.theAlerts')} />
          ) : (
            <Async state={check} what={t('participation.theAlerts')}>
              {(c) => <Alerts alerts={c.alerts} />}
            </Async>
          )}
          {me.data && (
            <MayWrite>
              <section aria-labelledby="add-participant">
                <h2 id="add-participant">{t('participantForm.heading')}</h2>
                <p className="muted">{t('participantForm.intro')}</p>
                <ParticipantForm country={country} me={me.data} onAdded={() => setAdded((n) => n + 1)} />
              </section>
            </MayWrite>
          )}
        </>
      )}
    </section>
  );
}

type ProcessName = (x: NonNullable<Participant['processes']>[number]) => string;

/**
 * A participant's process by its name rather than its id: the stored negotiation's ("Orvo talks…",
 * stored as number 1) and the local process's ("Lower Varo local protection committee"), read
 * from the lists the Negotiations and Local processes pages show; its id while they load.
 */
function useProcessNames(country: string | undefined): ProcessName {
  const negotiations = useApi<{ processes: { id: number; process: string }[] }>(
    country ? `negotiation-names-${country}` : null,
    (s) => get('/api/negotiations', {}, s),
  );
  const local = useApi<{ processes: { id: string; name: string }[] }>(
    country ? `local-names-${country}` : null,
    (s) => get('/api/local-processes', { country }, s),
  );
  return (x) =>
    (x.kind === 'local'
      ? local.data?.processes.find((l) => l.id === x.process)?.name
      : negotiations.data?.processes.find((n) => String(n.id) === x.process)?.process) ?? x.process;
}

function RegisterTable({
  participants,
  processName,
}: {
  participants: Participant[];
  processName: ProcessName;
}) {
  const { t } = useTranslation();
  if (!participants.length) return <Empty>{t('participation.nobody')}</Empty>;
  const withheld = <em>{t('participation.withheld')}</em>;
  return (
    <div className="table-scroll">
      <table className="register">
        <thead>
          <tr>
            <th>{t('participation.id')}</th>
            <th>{t('participation.alias')}</th>
            <th>{t('participation.role')}</th>
            <th>{t('participation.gender')}</th>
            <th>{t('participation.organisation')}</th>
            <th>{t('participation.office')}</th>
            <th>{t('participation.admin1')}</th>
            <th>{t('participation.processes')}</th>
            <th>{t('participation.consent')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`#/participation/${p.id}`}>{p.id}</a>
              </td>
              <td>{p.withheld ? withheld : p.alias}</td>
              <td>{p.role ?? withheld}</td>
              <td>{genderWord(t, p.gender)}</td>
              <td>{p.withheld ? withheld : p.organisation || '—'}</td>
              <td>{p.office}</td>
              <td>{p.admin1 || '—'}</td>
              <td>{p.processes ? p.processes.map(processName).join('; ') || '—' : withheld}</td>
              <td>{p.consent ? consentWord(t, p.consent) : withheld}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function genderWord(t: TFunction, gender: string): string {
  return t(`participantForm.genders.${gender}`, { defaultValue: gender });
}

function consentWord(t: TFunction, consent: { given: boolean; on?: string | null }): string {
  // Refused or not asked is not the same as a record with no answer (participation probe).
  if (!consent.given) return t('participation.notGiven');
  return consent.on ? t('participation.givenOn', { date: day(consent.on) }) : t('participation.given');
}

function MeasuresDue({ participants }: { participants: Participant[] }) {
  const { t } = useTranslation();
  const due = measuresDue(participants);
  if (!due.length) return <Empty>{t('participation.noneDue')}</Empty>;
  return (
    <ul>
      {due.map(({ participant, measure }) => (
        <li key={`${participant.id}-${measure.kind}`}>
          <strong>{day(measure.reviewOn)}</strong> {t('participation.dueFor', { measure: measure.kind })}{' '}
          <a href={`#/participation/${participant.id}`}>{participant.alias}</a>{' '}
          {t('participation.dueState', {
            status: t(`participation.measureStatus.${measure.status}`),
            owner: measure.owner || t('participation.notNamed'),
          })}
        </li>
      ))}
    </ul>
  );
}

function Alerts({ alerts }: { alerts: Check['alerts'] }) {
  const { t } = useTranslation();
  if (!alerts.length) return <Empty>{t('participation.noAlert')}</Empty>;
  return (
    <div>
      {alerts.map((a) => (
        <div className="alert-card" key={`${a.kind}-${a.participant}-${a.process}-${a.round}`}>
          <strong>{t(`participation.alert.${a.kind}`, { defaultValue: a.kind })}</strong>
          {a.participant !== null && (
            <>
              {' '}
              · {t('participation.participantNo')}{' '}
              <a href={`#/participation/${a.participant}`}>{a.participant}</a>
            </>
          )}
          {a.processName ? ` · ${a.processName}` : ''}
          {a.round ? ` · ${t('participation.round', { round: a.round })}` : ''}
          <p>{a.message}</p>
          {a.incidents.length > 0 && (
            <p>
              {t('participation.incidents')}{' '}
              {a.incidents
                .map(
                  (x) =>
                    `#${x.id} ${day(x.occurredOn)} ${t(`incidents.category.${x.category}`, { defaultValue: x.category })}${x.admin1 ? ` (${x.admin1})` : ''}`,
                )
                .join(t('common.listSeparator'))}
            </p>
          )}
          {a.shares && (
            <p>
              {t('participation.shares')}{' '}
              {a.shares
                .map((s) => `${s.round} ${s.share === null ? t('participation.notAvailable') : pct(s.share)}`)
                .join(', ')}{' '}
              {t('participation.quota', { quota: pct(a.shares[0]?.quota ?? 0) })}
            </p>
          )}
          <details>
            <summary>{t('participation.suggested')}</summary>
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

function ParticipantView({
  p,
  check,
  processName,
  onChanged,
  onErased,
}: {
  p: Participant;
  check: Check | undefined;
  processName: ProcessName;
  onChanged: () => void;
  onErased: () => void;
}) {
  const { t } = useTranslation();
  const alerts = check?.alerts.filter((a) => a.participant === p.id) ?? [];
  return (
    <>
      <p>
        <a href="#/participation">{t('participation.back')}</a>
      </p>
      <h1>{p.withheld ? t('participation.participant', { id: p.id }) : p.alias}</h1>
      {p.withheld ? <p className="muted">{t('participation.withheldNote')}</p> : null}
      <dl className="facts">
        {p.realName && (
          <>
            <dt>{t('participation.realName')}</dt>
            <dd>{p.realName}</dd>
          </>
        )}
        <dt>{t('participation.role')}</dt>
        <dd>{p.role ?? t('participation.withheld')}</dd>
        <dt>{t('participation.gender')}</dt>
        <dd>{genderWord(t, p.gender)}</dd>
        <dt>{t('participation.organisation')}</dt>
        <dd>{p.withheld ? t('participation.withheld') : p.organisation || '—'}</dd>
        <dt>{t('participation.office')}</dt>
        <dd>{p.office}</dd>
        <dt>{t('participation.area')}</dt>
        <dd>
          {p.admin1 || '—'}, {p.country}
        </dd>
        <dt>{t('participation.sensitivity')}</dt>
        <dd>{t(`participantForm.sensitivities.${p.sensitivity}`, { defaultValue: p.sensitivity })}</dd>
        {!p.withheld && (
          <>
            <dt>{t('participation.takesPart')}</dt>
            <dd>
              {(p.processes ?? []).map((x) => (
                <div key={`${x.kind}-${x.process}`}>
                  {x.kind === 'local' ? (
                    <a href={`#/local/${encodeURIComponent(x.process)}`}>{processName(x)}</a>
                  ) : (
                    t('participation.negotiationProcess', { id: processName(x) })
                  )}
                  {x.rounds.length ? t('participation.rounds', { rounds: x.rounds.join(', ') }) : ''}
                </div>
              ))}
            </dd>
            <dt>{t('participation.consent')}</dt>
            <dd>{consentWord(t, p.consent ?? { given: false })}</dd>
            <dt>{t('participation.incidentsAgainst')}</dt>
            <dd>
              {p.incidents?.length
                ? p.incidents.map((i) => `#${i}`).join(', ')
                : t('participation.noneLinked')}
            </dd>
          </>
        )}
      </dl>
      {!p.withheld && (
        <>
          <h2>{t('participation.measures')}</h2>
          {p.measures?.length ? (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{t('participation.measure')}</th>
                    <th>{t('participation.owner')}</th>
                    <th>{t('participation.status')}</th>
                    <th>{t('participation.review')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.measures.map((m, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a measure is numbered by its place in the list
                    <tr key={i}>
                      <td>{m.kind}</td>
                      <td>{m.owner || '—'}</td>
                      <td>
                        <MeasureStatus
                          participant={p.id}
                          measure={i + 1}
                          status={m.status}
                          onChanged={onChanged}
                        />
                      </td>
                      <td>{m.reviewOn ? day(m.reviewOn) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Empty>{t('participation.noMeasure')}</Empty>
          )}
          <h2>{t('participation.alerts')}</h2>
          <Alerts alerts={alerts} />
          <EraseParticipant participant={p.id} onErased={onErased} />
        </>
      )}
    </>
  );
}
