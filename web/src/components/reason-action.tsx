import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button that opens a short reason and sends it: disputing or withdrawing a driver tag, erasing a
 * participant, each says why.
 */
export function ReasonAction({
  open,
  label,
  send,
  onSend,
}: {
  open: string;
  label: string;
  send: string;
  onSend: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  const [reason, setReason] = useState('');
  if (!shown)
    return (
      <button type="button" className="secondary" onClick={() => setShown(true)}>
        {open}
      </button>
    );
  return (
    <form
      className="task-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSend(reason.trim()).then(() => setShown(false));
      }}
    >
      <label htmlFor={id}>
        {label}
        <textarea id={id} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={!reason.trim()}>
        {send}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setShown(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
