import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api-client.ts';
import { day } from '../format.ts';
import { personName } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { Async } from './status-views.tsx';
import './friction-history.css';

type History = OperationResult<'frictionHistory'>;
type Change = NonNullable<History['history'][number]['changes']>[number];

/**
 * A friction's history under it (`GET /api/frictions/{ref}/history`): every edit of its owner,
 * decision, status, review date and note, who made it and when, oldest first. Read when opened.
 */
export function FrictionHistory({ frictionRef, reload }: { frictionRef: string; reload: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useApi<History>(open ? `friction-history ${frictionRef} ${reload}` : null, (s) =>
    get(`/api/frictions/${encodeURIComponent(frictionRef)}/history`, {}, s),
  );
  const value = (c: Change, v: string | null) => {
    if (v === null || v === '') return t('frictions.nothing');
    if (c.field === 'decision') return t(`frictions.decisions.${v}`, { defaultValue: v });
    if (c.field === 'status') return t(`frictions.statuses.${v}`, { defaultValue: v });
    if (c.field === 'reviewDate') return day(v);
    return v;
  };
  return (
    <details className="friction-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('frictions.history')}</summary>
      {open && (
        <Async state={history} what={t('frictions.theHistory')}>
          {(h) =>
            h.history.length === 0 ? (
              <p className="muted">{t('frictions.noHistory')}</p>
            ) : (
              <ol>
                {h.history.map((e) => (
                  <li key={`${e.at}-${e.by}`}>
                    <span className="muted">
                      {t('frictions.entry', { date: day(e.at), by: personName(e.by) })}
                    </span>
                    {t('common.colon')}
                    {e.changes
                      ? e.changes.length
                        ? e.changes
                            .map((c) =>
                              t('frictions.change', {
                                field: t(`frictions.fields.${c.field}`, { defaultValue: c.field }),
                                from: value(c, c.from),
                                to: value(c, c.to),
                              }),
                            )
                            .join(t('common.listSeparator'))
                        : t('frictions.unchanged')
                      : t('frictions.changedFields', {
                          fields: e.fields
                            .map((f) => t(`frictions.fields.${f}`, { defaultValue: f }))
                            .join(t('common.listSeparator')),
                        })}
                  </li>
                ))}
              </ol>
            )
          }
        </Async>
      )}
    </details>
  );
}
