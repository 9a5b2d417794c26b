import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, runOperation } from '../api-client.ts';
import { FrictionHistory } from '../components/friction-history.tsx';
import { MayWrite, ReadOnlyNote } from '../components/may-write.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { day } from '../format.ts';
import { countryIn } from '../i18n/country-format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { personName } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';

type Listed = OperationResult<'listFrictions'>;
type Friction = Listed['frictions'][number];

/** One friction's decision form: owner, decision, status, review date, note. */
function DecisionForm({
  f,
  refusal,
  onSaved,
  onConflict,
}: {
  f: Friction;
  /** Why the last save was refused: someone had changed the friction since it was read. */
  refusal?: string;
  onSaved: () => void;
  /** The friction changed since it was read: the list reloads, and this form with what it now says. */
  onConflict: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = (field: string) => `friction-${f.ref}-${field}`;
  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    // Every field as the form holds it, an emptied one as empty (owner, note) or null (decision,
    // review date), which clears it: a field left out would keep what was saved.
    const fields = {
      owner: text('owner'),
      decision: text('decision') || null,
      status: text('status'),
      reviewDate: text('reviewDate') || null,
      note: text('note'),
    };
    const saved = {
      owner: f.owner,
      decision: f.decision,
      status: f.status,
      reviewDate: f.reviewDate,
      note: f.note,
    };
    // Only what changed is sent, so that the audit names the fields changed.
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([k, v]) => v !== saved[k as keyof typeof saved]),
    );
    setSaving(true);
    setError(null);
    try {
      // What the form was filled from: an edit made since by someone else is refused, not overwritten.
      await runOperation('editFriction', { ref: f.ref, ...changes, expectedUpdatedAt: f.updatedAt });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') onConflict(err.message);
      else setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }
  return (
    <form className="friction-decision" onSubmit={save}>
      <span className="pair">
        <label htmlFor={id('owner')}>{t('frictions.owner')}</label>
        <input id={id('owner')} name="owner" defaultValue={f.owner} placeholder={t('frictions.ownerHint')} />
      </span>
      <span className="pair">
        <label htmlFor={id('decision')}>{t('frictions.decision')}</label>
        <select id={id('decision')} name="decision" defaultValue={f.decision ?? ''}>
          <option value="">{t('frictions.notDecided')}</option>
          <option value="accept">{t('frictions.accept')}</option>
          <option value="mitigate">{t('frictions.mitigate')}</option>
          <option value="escalate">{t('frictions.escalate')}</option>
        </select>
      </span>
      <span className="pair">
        <label htmlFor={id('status')}>{t('frictions.status')}</label>
        <select id={id('status')} name="status" defaultValue={f.status}>
          <option value="open">{t('frictions.open')}</option>
          <option value="in-progress">{t('frictions.inProgress')}</option>
          <option value="closed">{t('frictions.closed')}</option>
        </select>
      </span>
      <span className="pair">
        <label htmlFor={id('reviewDate')}>{t('frictions.reviewOn')}</label>
        <input id={id('reviewDate')} name="reviewDate" type="date" defaultValue={f.reviewDate ?? ''} />
      </span>
      <span className="pair">
        <label htmlFor={id('note')}>{t('frictions.note')}</label>
        <input id={id('note')} name="note" defaultValue={f.note} />
      </span>
      <button type="submit" disabled={saving}>
        {saving ? t('frictions.saving') : t('frictions.save')}
      </button>
      {error || refusal ? (
        <p className="error-box" role="alert">
          {error ?? refusal}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The friction register: what the plan check and the analysis find, and what was decided about
 * each friction, by whom (the decision is taken in the signed-in account's name).
 */
export function FrictionsPage({ country }: { country?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [reload, setReload] = useState(0);
  /** Per friction, why its last save was refused (changed by someone else since read). */
  const [refused, setRefused] = useState<Record<string, string>>({});
  const list = useApi<Listed>(`frictions|${country ?? ''}|${reload}|${lang}`, (signal) =>
    get<Listed>('/api/frictions', country ? { country, lang } : { lang }, signal),
  );
  return (
    <section className="frictions-page">
      <h1>
        {t('frictions.title')}
        {country ? ` — ${countryIn(country, lang)}` : ''}
      </h1>
      <p>{t('frictions.intro')}</p>
      <ReadOnlyNote />
      <Async state={list} what={t('frictions.theRegister')}>
        {(d) => (
          <>
            {d.notes?.map((n) => (
              <p key={n} className="note">
                {n}
              </p>
            ))}
            {d.frictions.length === 0 ? (
              <Empty>{t('frictions.none')}</Empty>
            ) : (
              <ul className="friction-list">
                {d.frictions.map((f) => (
                  <li key={f.ref}>
                    <h2>
                      {t(`frictions.kind.${f.kind}`, { defaultValue: f.kind })}
                      {t('common.colon')}
                      {f.subject}{' '}
                      <small>
                        ({f.ref}
                        {f.found ? '' : t('frictions.noLonger')})
                      </small>
                    </h2>
                    <p>{f.message}</p>
                    {/* Who follows it up and why, for those who may not edit it too (the form alone held them). */}
                    {f.owner ? (
                      <p className="friction-owner">
                        {t('frictions.owner')}
                        {t('common.colon')}
                        {f.owner}
                      </p>
                    ) : null}
                    {f.note ? (
                      <p className="friction-note">
                        {t('frictions.note')}
                        {t('common.colon')}
                        {f.note}
                      </p>
                    ) : null}
                    <p className="friction-decided">
                      {f.decision
                        ? t('frictions.decided', {
                            decision: t(`frictions.decisions.${f.decision}`),
                            by: personName(f.decidedBy ?? ''),
                            on: day(f.decidedAt),
                          })
                        : t('frictions.noDecision')}{' '}
                      {t('frictions.statusIs', { status: t(`frictions.statuses.${f.status}`) })}
                      {f.reviewDate ? t('frictions.review', { date: day(f.reviewDate) }) : ''}.
                    </p>
                    {f.registered && <FrictionHistory frictionRef={f.ref} reload={reload} />}
                    <MayWrite quiet>
                      {/* Filled from what was read: read again (a new updatedAt), it is filled anew. */}
                      <DecisionForm
                        key={`${f.ref}|${f.updatedAt ?? ''}`}
                        f={f}
                        refusal={refused[f.ref]}
                        onSaved={() => {
                          setRefused(({ [f.ref]: _, ...rest }) => rest);
                          setReload((n) => n + 1);
                        }}
                        onConflict={(message) => {
                          setRefused((r) => ({ ...r, [f.ref]: message }));
                          setReload((n) => n + 1);
                        }}
                      />
                    </MayWrite>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Async>
    </section>
  );
}
