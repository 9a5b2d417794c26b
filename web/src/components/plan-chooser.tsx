import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { get, runOperation } from '../api-client.ts';
import { day } from '../format.ts';
import type { OperationResult } from '../operation-types.ts';
import type { CurrentPlan } from '../plan-types.ts';
import { setUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import { MayWrite } from './may-write.tsx';
import { TextFileUpload } from './text-file-upload.tsx';
import './workbench-tasks.css';

type PlanList = OperationResult<'listPlans'>;

/**
 * Chooses which stored plan version the Plan page shows (every mission's versions, newest first),
 * and loads a new one. The choice lives in the address (`#/plan?mission=…&version=…`), so a link
 * or a reload shows the same version; with no choice the newest stored plan is shown.
 */
export function PlanChooser({
  mission,
  version,
  shown,
  refresh,
  onStored,
}: {
  mission: string | undefined;
  version: string | undefined;
  shown: CurrentPlan | undefined;
  refresh: number;
  onStored: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const list = useApi<PlanList>(`plans ${refresh}`, (s) => get('/api/plans', {}, s));
  const plans = list.data?.plans ?? [];
  const value = mission ? `${version ?? ''}\u001f${mission}` : '';
  return (
    <form className="task-bar" onSubmit={(e) => e.preventDefault()} aria-label={t('plan.choose')}>
      <label htmlFor={id}>{t('plan.plan')}</label>{' '}
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const [v, m] = e.target.value.split('\u001f');
          setUrlState({ mission: m, version: v }, { push: true });
        }}
      >
        <option value="">
          {t('plan.newest')}
          {shown && !mission ? t('plan.newestIs', { mission: shown.mission, version: shown.version }) : ''}
        </option>
        {plans.map((p) => (
          <option key={`${p.mission} ${p.version}`} value={`${p.version}\u001f${p.mission}`}>
            {t('plan.option', {
              mission: p.mission,
              version: p.version,
              file: p.fileName,
              date: day(p.importedAt),
            })}
          </option>
        ))}
        {mission && !plans.some((p) => p.mission === mission && String(p.version) === (version ?? '')) && (
          <option value={value}>
            {mission}
            {version ? t('plan.versionOf', { version }) : ''}
          </option>
        )}
      </select>
      <MayWrite>
        <TextFileUpload
          label={t('plan.load')}
          accept=".yaml,.yml,.json"
          refused={t('plan.refused')}
          store={async (text, name) => {
            // The operation of `tandem plan import`: a new version, or the same text recognised.
            const r = await runOperation('importPlan', { plan: text, name });
            setUrlState({ mission: r.mission, version: String(r.version) }, { push: true });
            onStored();
            return r.unchanged
              ? t('plan.unchanged', { name, version: r.version, mission: r.mission })
              : t('plan.stored', { name, version: r.version, mission: r.mission });
          }}
        />
      </MayWrite>
    </form>
  );
}
