import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { day, longMonth } from '../format.ts';
import { lastDayOf, periodProblem, setUrlState } from '../url-state.ts';

/**
 * From and To, written into the address once they make a period. A From after To (or a date the
 * browser could not read) is refused here, with the reason beside the field, and never sent.
 */
export function PeriodFields({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ from, to });
  // The address changed from elsewhere (another country, back/forward): show what it holds.
  useEffect(() => setDraft({ from, to }), [from, to]);
  const problem = periodProblem(draft.from, draft.to);
  const id = useId();
  const change = (field: 'from' | 'to', value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (periodProblem(next.from, next.to) === null) setUrlState(next);
  };
  const field = (name: 'from' | 'to', label: string) => (
    <label>
      {label}{' '}
      <input
        type="date"
        name={name}
        value={draft[name]}
        aria-invalid={problem?.field === name ? true : undefined}
        aria-describedby={problem?.field === name ? `${id}-problem` : undefined}
        onChange={(e) => change(name, e.target.value)}
      />
    </label>
  );
  return (
    <span className="period">
      {field('from', t('common.from'))}
      {field('to', t('common.to'))}
      {problem && (
        <span className="field-error" id={`${id}-problem`} role="alert">
          {problem.message} {t('common.stillShows', { from: day(from), to: day(to) })}
        </span>
      )}
    </span>
  );
}

/** Whether a period is whole months (first day to last day), or not a period at all. */
export function inWholeMonths(from: string, to: string): boolean {
  return !from || !to || (from.endsWith('-01') && to === lastDayOf(to.slice(0, 7)));
}

/**
 * Said under figures read from the monthly aggregates (the headline, the map) when the period
 * starts or ends within a month: they count the whole months it touches, while the events listed
 * and the export count the days chosen, and the two would otherwise disagree without a word.
 */
export function WholeMonthsNote({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  if (inWholeMonths(from, to)) return null;
  return (
    <p className="muted whole-months">
      {t('common.wholeMonths', { first: longMonth(from.slice(0, 7)), last: longMonth(to.slice(0, 7)) })}
    </p>
  );
}
