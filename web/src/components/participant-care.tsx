import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES } from '../../../src/domain/participant.ts';
import { runOperation } from '../api-client.ts';
import { MayWrite, useMayWrite } from './may-write.tsx';
import { ReasonAction } from './reason-action.tsx';

/**
 * What the office that follows a participant may change on their page: a protective measure's
 * status as it is put in place or closed, and the erasure of the record (consent withdrawn, or
 * keeping it endangers the person), through the operations the CLI uses, each audited.
 */
export function MeasureStatus({
  participant,
  measure,
  status,
  onChanged,
}: {
  participant: number;
  /** The measure's place in the list, from 1. */
  measure: number;
  status: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const label = t(`participation.measureStatus.${status}`);
  // A read-only account reads the status; one that may change the store changes it here.
  if (!useMayWrite()) return <>{label}</>;
  return (
    <>
      <select
        aria-label={t('participation.statusOf', { n: measure })}
        value={status}
        onChange={async (e) => {
          setError(null);
          try {
            await runOperation('setParticipantMeasure', {
              id: participant,
              measure,
              status: e.target.value as (typeof MEASURE_STATUSES)[number],
            });
            onChanged();
          } catch (x) {
            setError((x as Error).message);
          }
        }}
      >
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`participation.measureStatus.${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <span className="error-box" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

export function EraseParticipant({ participant, onErased }: { participant: number; onErased: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <MayWrite quiet>
      <h2>{t('participation.eraseTitle')}</h2>
      <p className="muted">{t('participation.eraseNote')}</p>
      <ReasonAction
        open={t('participation.erase')}
        label={t('participation.eraseReason')}
        send={t('participation.eraseSend')}
        onSend={async (reason) => {
          setError(null);
          try {
            await runOperation('eraseParticipant', { id: participant, reason });
            onErased();
          } catch (x) {
            setError((x as Error).message);
          }
        }}
      />
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </MayWrite>
  );
}
