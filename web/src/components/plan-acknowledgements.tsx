import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, runOperation } from '../api-client.ts';
import { day } from '../format.ts';
import { personName } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { useSignedIn } from '../use-signed-in.ts';
import { MayWrite } from './may-write.tsx';
import { Async } from './status-views.tsx';
import './workbench-tasks.css';

type Status = OperationResult<'planAcknowledgements'>;

/**
 * Who has and who has not acknowledged the plan version shown, against the accounts of the store
 * (`GET /api/plans/acknowledgements`), and an Acknowledge button that records it under the
 * signed-in person's name with `acknowledgePlan`, the operation of `tandem plan acknowledge`.
 * The paper's second recommendation: leadership communicating the plan to staff.
 */
export function PlanAcknowledgements({ mission, version }: { mission: string; version: number }) {
  const { t } = useTranslation();
  const id = useId();
  const me = useSignedIn();
  const [done, setDone] = useState(0);
  const status = useApi<Status>(`acks ${mission} ${version} ${done}`, (s) =>
    get('/api/plans/acknowledgements', { mission, version }, s),
  );
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async () => {
    setError(null);
    try {
      await runOperation('acknowledgePlan', { mission, version, role: role.trim() || undefined });
      setDone((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="plan-acknowledgements" aria-label={t('plan.acksLabel')}>
      <h2>{t('plan.acks', { version })}</h2>
      <Async state={status} what={t('plan.theAcks')}>
        {(s) => {
          const mine = s.acknowledged.find((a) => a.by === me.data?.name);
          return (
            <>
              {!s.current && <p className="muted">{t('plan.notNewest')}</p>}
              <div className="side-by-side">
                <div>
                  <h3>{t('plan.acknowledged', { count: s.acknowledged.length })}</h3>
                  {s.acknowledged.length ? (
                    <ul className="ack-list">
                      {s.acknowledged.map((a) => (
                        <li key={a.by}>
                          {personName(a.by)}{' '}
                          <span className="muted">
                            ({a.role}, {day(a.at)})
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t('plan.nobody')}</p>
                  )}
                </div>
                <div>
                  <h3>{t('plan.notYet', { count: s.notYet.length })}</h3>
                  {s.accounts === 0 ? (
                    <p className="muted">{t('plan.noAccounts')}</p>
                  ) : s.notYet.length ? (
                    <ul className="ack-list">
                      {s.notYet.map((n) => (
                        <li key={n.name}>
                          {/* The server gives the roles to an administrator only. */}
                          {n.name}
                          {n.roles.length > 0 && <span className="muted"> ({n.roles.join(', ')})</span>}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t('plan.everyone')}</p>
                  )}
                </div>
              </div>
              {mine ? (
                <p role="status" className="task-note">
                  {t('plan.youDid', { version, date: day(mine.at) })}
                </p>
              ) : (
                me.data && (
                  <MayWrite>
                    <form
                      className="task-form"
                      aria-label={t('plan.ackForm')}
                      onSubmit={(e) => {
                        e.preventDefault();
                        void acknowledge();
                      }}
                    >
                      <label htmlFor={`${id}-role`}>
                        {t('plan.post')}
                        <input
                          id={`${id}-role`}
                          value={role}
                          placeholder={t('plan.postExample')}
                          onChange={(e) => setRole(e.target.value)}
                        />
                      </label>
                      <button type="submit">
                        {/* With no accounts the server acts for the person at the terminal: no one to name. */}
                        {s.accounts === 0
                          ? t('plan.ackHere', { version })
                          : t('plan.ack', { version, name: personName(me.data.name) })}
                      </button>
                    </form>
                  </MayWrite>
                )
              )}
              {error && (
                <p className="error-box" role="alert">
                  {error}
                </p>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
