import i18next from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { driverDescription, driverName } from '../../../src/domain/driver.ts';
import { get, runOperation } from '../api-client.ts';
import { day } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { actorName } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { type SignedIn, unitsOf, useSignedIn } from '../use-signed-in.ts';
import { MayWrite } from './may-write.tsx';
import { ReasonAction } from './reason-action.tsx';
import { Async, Empty } from './status-views.tsx';
import './workbench-tasks.css';
import { TextWithCode } from './text-with-code.tsx';

type DriverList = OperationResult<'listDrivers'>;
type Tag = DriverList['joint'][number];

const unitName = (unit: string) => i18next.t(`analysts.unit.${unit}`, { defaultValue: unit });

/**
 * Driver tags of an area as analysts keep them (`GET /api/drivers`), and the two acts of joint
 * analysis: tagging a driver and confirming another analyst's tag. Both go through the operations
 * the CLI uses (`tagDriver`, `confirmDriver`), which record them under the signed-in person's name
 * and unit, never a name typed here: a tag becomes joint only when a POC analyst and a political
 * analyst, two people, stand behind it.
 */
export function DriverTagging({
  country,
  admin1,
  onChanged,
}: {
  country: string;
  admin1: string;
  /** Called after a tag or a confirmation is stored: the page's summary of drivers reads them too. */
  onChanged?: () => void;
}) {
  const { t: tr } = useTranslation();
  const lang = useLanguage();
  const me = useSignedIn();
  const [changed, setChanged] = useState(0);
  const tags = useApi<DriverList>(`drivers ${country} ${admin1} ${changed}`, (s) =>
    get('/api/drivers', { country, admin1 }, s),
  );
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      setChanged((n) => n + 1);
      onChanged?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="driver-tagging" aria-label={tr('analysts.tagsLabel')}>
      <h3>{tr('analysts.tags')}</h3>
      <Async state={tags} what={tr('analysts.theTags')}>
        {(d) => {
          const label = (key: string) => {
            const x = d.taxonomy.find((t) => t.key === key);
            return x ? driverName(x, lang) : key;
          };
          const all = [...d.joint, ...d.unconfirmed];
          return (
            <>
              {all.length === 0 ? (
                <Empty>{tr('analysts.noTags')}</Empty>
              ) : (
                <ul className="tag-list">
                  {all.map((t) => (
                    <TagItem
                      key={t.id}
                      tag={t}
                      label={label(t.driver)}
                      me={me.data}
                      onConfirm={(unit) => act(() => runOperation('confirmDriver', { tagId: t.id, unit }))}
                      onDispute={(reason, unit) =>
                        act(() => runOperation('disputeDriver', { tagId: t.id, reason, unit }))
                      }
                      onWithdraw={(reason) =>
                        act(() => runOperation('withdrawDriver', { tagId: t.id, reason }))
                      }
                    />
                  ))}
                </ul>
              )}
              {me.data && !me.data.signInRequired && (
                <p className="muted">
                  <TextWithCode text={tr('analysts.oneAnalyst', { name: me.data.name })} />
                </p>
              )}
              {me.data && unitsOf(me.data).length === 0 && (
                // A read-only account is told so, as everywhere; one that writes but acts for
                // neither unit (a planner), who tags and confirms.
                <MayWrite>
                  <p className="muted">{tr('analysts.readsOnly', { name: me.data.name })}</p>
                </MayWrite>
              )}
              {me.data && unitsOf(me.data).length > 0 && (
                <MayWrite>
                  <TagForm
                    me={me.data}
                    taxonomy={d.taxonomy}
                    onTag={(driver, unit, note) =>
                      act(() => runOperation('tagDriver', { driver, country, admin1, unit, note }))
                    }
                  />
                </MayWrite>
              )}
            </>
          );
        }}
      </Async>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function TagItem({
  tag,
  label,
  me,
  onConfirm,
  onDispute,
  onWithdraw,
}: {
  tag: Tag;
  label: string;
  me: SignedIn | undefined;
  /** Confirms the tag; `unit` when the person works in both units (or, without accounts, in neither). */
  onConfirm: (unit?: 'poc' | 'political') => void;
  /** Disputes it, saying why; `unit` as for onConfirm. */
  onDispute: (reason: string, unit?: 'poc' | 'political') => Promise<void>;
  /** Withdraws one's own tag, saying why. */
  onWithdraw: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const mine = me?.name === tag.analyst;
  const confirmed = tag.confirmations.some((c) => c.analyst === me?.name);
  const disputed = tag.disputes.some((d) => d.analyst === me?.name);
  const units = unitsOf(me);
  // One who works in a single unit confirms for it; otherwise they say which, the unit that
  // would make the tag joint (the other one) offered first.
  const choices: ('poc' | 'political')[] =
    units.length === 1 ? [] : tag.unit === 'poc' ? ['political', 'poc'] : ['poc', 'political'];
  // One of the tagger's own unit only adds that unit's view: the tag would never become joint
  // by it, and the button read as if it would (joint-work probe). The other unit confirms.
  const ownUnitOnly = units.length === 1 && units[0] === tag.unit;
  return (
    <li>
      <strong>{label}</strong> {tag.joint ? <span className="code-chip">{t('analysts.joint')}</span> : null}
      {tag.disputes.length > 0 && <span className="code-chip disputed-chip">{t('analysts.disputed')}</span>}
      <br />
      <span className="muted">
        {t('analysts.taggedBy', {
          analyst: actorName(tag.analyst),
          unit: unitName(tag.unit),
          date: day(tag.createdAt),
        })}
        {tag.confirmations
          .map((c) => t('analysts.confirmedBy', { analyst: actorName(c.analyst), unit: unitName(c.unit) }))
          .join('')}
      </span>
      {/* The space before the quotation, not inside it: “ Reprisals…” read as a stray mark. */}
      {tag.note && (
        <>
          {' '}
          <q className="task-note">{tag.note}</q>
        </>
      )}
      {tag.disputes.map((d) => (
        <span key={d.analyst} className="tag-dispute">
          <br />
          {t('analysts.disputedBy', { analyst: actorName(d.analyst), unit: unitName(d.unit) })}{' '}
          <q className="task-note">{d.reason}</q>
        </span>
      ))}
      {me && units.length > 0 && !mine && !confirmed && !tag.joint && !ownUnitOnly && (
        <MayWrite quiet>
          {' '}
          {choices.length === 0 ? (
            <button type="button" onClick={() => onConfirm()}>
              {t('analysts.confirmAs', { name: me.name })}
            </button>
          ) : (
            choices.map((unit) => (
              <button key={unit} type="button" onClick={() => onConfirm(unit)}>
                {t('analysts.confirmAsUnit', { name: me.name, unit: unitName(unit) })}
              </button>
            ))
          )}
        </MayWrite>
      )}
      {me && (mine || (units.length > 0 && !disputed)) && (
        <MayWrite quiet>
          {' '}
          <ReasonAction
            open={mine ? t('analysts.withdraw') : t('analysts.dispute')}
            label={mine ? t('analysts.withdrawReason') : t('analysts.disputeReason')}
            send={mine ? t('analysts.sendWithdraw') : t('analysts.sendDispute')}
            onSend={(reason) => (mine ? onWithdraw(reason) : onDispute(reason, choices[0]))}
          />
        </MayWrite>
      )}
    </li>
  );
}

function TagForm({
  me,
  taxonomy,
  onTag,
}: {
  me: SignedIn;
  taxonomy: DriverList['taxonomy'];
  onTag: (driver: string, unit: 'poc' | 'political' | undefined, note: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const units = unitsOf(me);
  const [driver, setDriver] = useState(taxonomy[0]?.key ?? '');
  const [unit, setUnit] = useState<'poc' | 'political'>(units[0] ?? 'poc');
  const [note, setNote] = useState('');
  return (
    <form
      className="task-form"
      aria-label={t('analysts.tagForm')}
      onSubmit={(e) => {
        e.preventDefault();
        void onTag(driver, units.length === 1 ? undefined : unit, note).then(() => setNote(''));
      }}
    >
      <label htmlFor={`${id}-driver`}>
        {t('analysts.driver')}
        <select id={`${id}-driver`} value={driver} onChange={(e) => setDriver(e.target.value)}>
          {taxonomy.map((x) => (
            <option key={x.key} value={x.key} title={driverDescription(x, lang)}>
              {driverName(x, lang)}
            </option>
          ))}
        </select>
      </label>
      {units.length === 1 ? (
        <span className="muted">{t('analysts.asUnit', { name: me.name, unit: unitName(units[0]!) })}</span>
      ) : (
        <label htmlFor={`${id}-unit`}>
          {t('analysts.unitOf', { name: me.name })}
          <select
            id={`${id}-unit`}
            value={unit}
            onChange={(e) => setUnit(e.target.value as 'poc' | 'political')}
          >
            <option value="poc">{unitName('poc')}</option>
            <option value="political">{unitName('political')}</option>
          </select>
        </label>
      )}
      <label htmlFor={`${id}-note`}>
        {t('analysts.why')}
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit">{t('analysts.tagDriver')}</button>
    </form>
  );
}
