import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runOperation } from '../api-client.ts';
import { saveFile } from '../file-download.ts';
import { MayWrite } from './may-write.tsx';
import './workbench-tasks.css';

/** An agreement text as the operations take it: its text, or its bytes as base64 (PDF, Word). */
export interface AgreementDocument {
  name: string;
  text?: string;
  base64?: string;
}

/**
 * What can be done with a review once read: download it as Markdown or HTML
 * (`agreementReviewDocument`, as `tandem agreement review --format` writes it), and, for a text
 * uploaded here, save it to the corpus of agreements (`importAgreement`, the operation of
 * `tandem agreement import`), where it becomes a precedent for later reviews.
 */
export function AgreementReviewActions({
  document,
  storedId,
  onSaved,
}: {
  /** The uploaded text reviewed; absent for an agreement already in the corpus. */
  document?: AgreementDocument;
  /** The stored agreement reviewed. */
  storedId?: number;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: string }>({ busy: false });
  const run = async (work: () => Promise<string | undefined>) => {
    setState({ busy: true });
    try {
      setState({ busy: false, message: await work() });
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };
  const download = (format: 'md' | 'html') =>
    run(async () => {
      const r = await runOperation(
        'agreementReviewDocument',
        document ? { document, format } : { id: storedId, format },
      );
      const type = format === 'html' ? 'text/html;charset=utf-8' : 'text/markdown;charset=utf-8';
      saveFile(new Blob([r.content], { type }), r.fileName);
      return undefined;
    });
  const save = () =>
    run(async () => {
      const r = await runOperation('importAgreement', { documents: [document] });
      onSaved?.();
      const a = r.agreements[0];
      if (!a) return t('agreements.saved');
      return a.status === 'unchanged'
        ? t('agreements.already', { title: a.title })
        : t('agreements.savedAs', { title: a.title });
    });
  return (
    <fieldset className="task-bar review-actions">
      <legend className="visually-hidden">{t('agreements.keep')}</legend>
      <button type="button" disabled={state.busy} onClick={() => void download('md')}>
        {t('agreements.downloadMd')}
      </button>
      <button type="button" disabled={state.busy} onClick={() => void download('html')}>
        {t('agreements.downloadHtml')}
      </button>
      {document && (
        <MayWrite quiet>
          <button type="button" disabled={state.busy} onClick={() => void save()}>
            {t('agreements.save')}
          </button>
        </MayWrite>
      )}
      {state.busy && <span role="status">{t('agreements.working')}</span>}
      {state.message && (
        <span role="status" className="task-note">
          {state.message}
        </span>
      )}
      {state.error && (
        <span role="alert" className="error-box">
          {state.error}
        </span>
      )}
    </fieldset>
  );
}
