import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNUSED } from '../../../src/domain/plan.ts';
import { get } from '../api-client.ts';
import { areaHref, num, score } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { Async, Empty } from './status-views.tsx';
import './plan-allocation.css';

type Allocation = OperationResult<'currentPlanAllocation'>;
type Resource = Allocation['resources'][number];

/**
 * Where the plan version shown would put its scarce resources (`GET /api/plans/current/allocation`,
 * the stored-plan form of `tandem plan allocate`): for each resource, every area's units now and
 * proposed with the reason, the moves, the activities whose assets change, and the solver's notes.
 * A proposal for planners to weigh, not a decision; letting units go to activities the check flags
 * for supporting state forces that harm civilians is a choice the reader makes here, as
 * `--allow-flagged` does.
 */
export function PlanAllocation({
  mission,
  version,
  country,
}: {
  mission: string;
  version: number;
  country: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [allowFlagged, setAllowFlagged] = useState(false);
  const allocation = useApi<Allocation>(`allocation ${mission} ${version} ${allowFlagged} ${lang}`, (s) =>
    get(
      '/api/plans/current/allocation',
      { mission, version, lang, allowFlagged: allowFlagged || undefined },
      s,
    ),
  );
  return (
    <section className="plan-allocation" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('plan.allocation.title')}</h2>
      <p className="muted">{t('plan.allocation.intro')}</p>
      <label className="allocation-flagged">
        <input type="checkbox" checked={allowFlagged} onChange={(e) => setAllowFlagged(e.target.checked)} />{' '}
        {t('plan.allocation.allowFlagged')}
      </label>
      <Async state={allocation} what={t('plan.allocation.the')}>
        {(a) =>
          a.resources.length === 0 ? (
            <Empty>{t('plan.allocation.noResources')}</Empty>
          ) : (
            <>
              <p role="status">
                {t('plan.allocation.covered', {
                  current: score(a.objective.current),
                  proposed: score(a.objective.proposed),
                  status: a.status,
                })}
                {a.objective.proposed < a.objective.current ? ` ${t('plan.allocation.coversLess')}` : ''}
              </p>
              {a.notes.length > 0 && (
                <ul className="allocation-notes">
                  {a.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
              {a.resources.map((r) => (
                <ResourceTable key={r.resource} r={r} country={country} />
              ))}
              <details>
                <summary>{t('plan.allocation.method')}</summary>
                <p>{a.method}</p>
              </details>
            </>
          )
        }
      </Async>
    </section>
  );
}

function ResourceTable({ r, country }: { r: Resource; country: string }) {
  const { t } = useTranslation();
  return (
    <section className="allocation-resource" aria-label={r.text ?? r.resource}>
      <h3>
        {r.text ?? r.resource} <code>{r.resource}</code>
      </h3>
      <p className="muted">
        {t('plan.allocation.units', {
          available: num(r.available),
          current: num(r.currentUse),
          proposed: num(r.proposedUse),
        })}
      </p>
      <table className="allocation-table">
        <colgroup>
          <col className="area" />
          <col className="units" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('plan.allocation.area')}</th>
            <th scope="col">{t('plan.allocation.nowProposed')}</th>
            <th scope="col">{t('plan.allocation.why')}</th>
          </tr>
        </thead>
        <tbody>
          {r.areas.map((x) => (
            <tr key={x.area} className={x.change > 0 ? 'gains' : x.change < 0 ? 'loses' : ''}>
              <th scope="row">
                <a href={areaHref(country, x.area)}>{x.area}</a>
              </th>
              <td className="units">
                {num(x.current)} → <strong>{num(x.proposed)}</strong>
              </td>
              <td className="reason">{x.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.moves.length > 0 && (
        <>
          <h4>{t('plan.allocation.moves', { count: r.moves.length })}</h4>
          <ul>
            {r.moves.map((m) => (
              <li key={`${m.from}-${m.to}`}>
                {m.from === UNUSED
                  ? t('plan.allocation.moveFromUnused', { count: m.units, to: m.to, why: m.why })
                  : t('plan.allocation.move', { count: m.units, from: m.from, to: m.to, why: m.why })}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.affectedActivities.length > 0 && (
        <p className="muted">
          {t('plan.allocation.affected', {
            activities: r.affectedActivities.join(t('common.listSeparator')),
          })}
        </p>
      )}
    </section>
  );
}
