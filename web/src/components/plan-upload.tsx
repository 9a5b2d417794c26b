import { useId, useState } from 'react';
import { runOperation } from '../api-client.ts';
import type { OperationResult } from '../operation-types.ts';

type Stored = OperationResult<'importPlan'>;

/**
 * Loads a plan file (YAML or JSON) from the person's computer and stores it as a new version with
 * the operation `tandem plan import` uses (`importPlan`). The file is read in the browser and sent
 * as text: the server never reads a path. A file that is not a valid plan is refused whole, with
 * each problem's line and column.
 */
export function PlanUpload({ onStored }: { onStored: (r: Stored) => void }) {
  const id = useId();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: string }>({ busy: false });
  const load = async (file: File) => {
    setState({ busy: true });
    try {
      const r = await runOperation('importPlan', { plan: await file.text(), name: file.name });
      setState({
        busy: false,
        message: r.unchanged
          ? `${file.name} is already stored as version ${r.version} of ${r.mission}.`
          : `${file.name} stored as version ${r.version} of ${r.mission}.`,
      });
      onStored(r);
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };
  return (
    <div className="plan-upload">
      <label htmlFor={id}>Load a plan file (.yaml, .yml, .json)</label>{' '}
      <input
        id={id}
        type="file"
        accept=".yaml,.yml,.json"
        disabled={state.busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void load(file);
          e.target.value = '';
        }}
      />
      {state.busy && <span role="status"> Storing…</span>}
      {state.message && (
        <p role="status" className="task-note">
          {state.message}
        </p>
      )}
      {state.error && (
        <div role="alert" className="error-box">
          <strong>The plan was not stored.</strong>
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
