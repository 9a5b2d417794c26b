import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Loads a text file (a plan, a negotiation process) from the person's computer and hands its text
 * to `store`, which runs the operation the CLI runs on the same file and says what was stored. The
 * server never reads a path. A refusal is shown whole, one line per problem (file, line, column).
 */
export function TextFileUpload({
  label,
  accept,
  refused,
  store,
}: {
  label: string;
  accept: string;
  /** What to say when the file is refused ("The plan was not stored."). */
  refused: string;
  store: (text: string, fileName: string) => Promise<string>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: string }>({ busy: false });
  const load = async (file: File) => {
    setState({ busy: true });
    try {
      setState({ busy: false, message: await store(await file.text(), file.name) });
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };
  return (
    <div className="file-upload">
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={state.busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void load(file);
          e.target.value = '';
        }}
      />
      {state.busy && <span role="status"> {t('agreements.storing')}</span>}
      {state.message && (
        <p role="status" className="task-note">
          {state.message}
        </p>
      )}
      {state.error && (
        <div role="alert" className="error-box">
          <strong>{refused}</strong>
          <ul>
            {state.error.split('\n').map((line) => (
              <li key={line}>{line.trim()}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
