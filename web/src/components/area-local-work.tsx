import { useTranslation } from 'react-i18next';
import { get } from '../api-client.ts';
import { day } from '../format.ts';
import { label } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { Async, Empty } from './status-views.tsx';

type Check = OperationResult<'checkLocalProcesses'>;
type Register = OperationResult<'listParticipants'>;

/**
 * The local processes of one admin-1 area with the violence around them, and how many people of
 * the participation register work there (named only to those cleared for them).
 */
export function AreaLocalWork({ country, admin1 }: { country: string; admin1: string }) {
  const { t } = useTranslation();
  const check = useApi<Check>(`local-check-${country}`, (s) =>
    get('/api/local-processes/check', { country, storedPlan: true }, s),
  );
  const register = useApi<Register>(`participants-${country}`, (s) =>
    get('/api/participants', { country }, s),
  );
  return (
    <div className="two-col area-local-work">
      <div>
        <h3>{t('maps.localIn', { area: admin1 })}</h3>
        <Async state={check} what={t('maps.theLocal')}>
          {(c) => {
            const here = c.processes.filter((p) => p.admin1 === admin1);
            if (!here.length) return <Empty>{t('maps.noLocal', { area: admin1 })}</Empty>;
            return (
              <ul>
                {here.map((p) => (
                  <li key={p.id}>
                    <a href={`#/local/${encodeURIComponent(p.id)}`}>{p.name}</a> ({day(p.date)},{' '}
                    {t(`maps.localStatus.${p.status}`, { defaultValue: p.status })}){t('common.colon')}
                    {p.countsUnavailable
                      ? t('local.notCountedLabel', {
                          why: t(`local.uncounted.${p.countsUnavailable}`, {
                            defaultValue: p.countsUnavailable,
                          }),
                        })
                      : t('maps.localLine', { before: p.before.events, after: p.after.events })}
                    {p.findings.length ? ` — ${p.findings.map((f) => label(f.kind)).join(', ')}` : ''}
                  </li>
                ))}
              </ul>
            );
          }}
        </Async>
      </div>
      <div>
        <h3>{t('maps.participationIn', { area: admin1 })}</h3>
        <Async state={register} what={t('maps.theRegister')}>
          {(r) => {
            const here = r.participants.filter((p) => p.admin1 === admin1);
            if (!here.length) return <Empty>{t('maps.noOne', { area: admin1 })}</Empty>;
            const shown = here.filter((p) => !p.withheld);
            return (
              <p>
                {t('maps.participants', { count: here.length })}
                {shown.length ? (
                  <>
                    : {shown.map((p) => p.alias).join(', ')}.{' '}
                    <a href="#/participation">{t('maps.register')}</a>
                  </>
                ) : (
                  t('maps.withheld')
                )}
              </p>
            );
          }}
        </Async>
      </div>
    </div>
  );
}
