import i18next from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api-client.ts';
import { PlanAcknowledgements } from '../components/plan-acknowledgements.tsx';
import { PlanAllocation } from '../components/plan-allocation.tsx';
import { PlanChooser } from '../components/plan-chooser.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { areaHref, day, num } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { actorName, label } from '../labels.ts';
import { type CurrentPlan, type Finding, findingTouches, type Plan } from '../plan-types.ts';
import { useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';

export function PlanPage({ country }: { country: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const params = useUrlState().params;
  const mission = params.get('mission') ?? undefined;
  const version = params.get('version') ?? undefined;
  // Loading a plan stores a version; the list and the plan shown are asked again after it.
  const [stored, setStored] = useState(0);
  // With no version chosen, the stored plans are asked first: a store without one has nothing to
  // show, and asking for its current plan would log a failed request in the browser.
  const plan = useApi<CurrentPlan | null>(`plan ${mission} ${version} ${stored} ${lang}`, async (s) => {
    if (!mission && !(await get<{ plans: unknown[] }>('/api/plans', {}, s)).plans.length) return null;
    return get<CurrentPlan>('/api/plans/current', { mission, version, lang }, s);
  });
  const none = (
    <>
      {t('plan.none')} <code>tandem plan import PLAN</code>
    </>
  );
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="plan">
      <PlanChooser
        mission={mission}
        version={version}
        shown={plan.data ?? undefined}
        refresh={stored}
        onStored={() => setStored((n) => n + 1)}
      />
      <Async state={plan} what={t('plan.thePlan')} missing={mission ? undefined : none}>
        {(p) => {
          if (p === null) return <Empty>{none}</Empty>;
          const finding = open === null ? null : p.check.findings[open];
          return (
            <>
              <h1>
                {p.mission}{' '}
                <span className="muted">{t('plan.version', { version: p.version, file: p.fileName })}</span>
              </h1>
              <p className="muted">
                {t('plan.intro')}
                {p.plan.country !== country && country
                  ? t('plan.otherCountry', { country: p.plan.country })
                  : ''}
              </p>
              <div className="plan-layout">
                <PlanGraph plan={p.plan} highlight={finding ? findingTouches(finding) : new Set()} />
                <aside className="findings" aria-label={t('plan.findingsLabel')}>
                  <h2>{t('plan.findings', { count: p.check.findings.length })}</h2>
                  {p.check.findings.length === 0 ? (
                    <Empty>{t('plan.nothing')}</Empty>
                  ) : (
                    <ul>
                      {p.check.findings.map((f, i) => (
                        <li key={`${f.kind}-${f.subject}-${f.message}`}>
                          <button
                            type="button"
                            className={`finding-button ${open === i ? 'open' : ''}`}
                            aria-expanded={open === i}
                            onClick={() => setOpen(open === i ? null : i)}
                          >
                            <span className={`kind kind-${f.kind}`} title={label(f.kind)}>
                              {label(f.kind)}
                            </span>{' '}
                            <code>{f.subject}</code>
                          </button>
                          {open === i && <FindingDetail f={f} country={p.plan.country} />}
                        </li>
                      ))}
                    </ul>
                  )}
                </aside>
              </div>
              <PlanAllocation mission={p.mission} version={p.version} country={p.plan.country} />
              <PlanAcknowledgements mission={p.mission} version={p.version} />
            </>
          );
        }}
      </Async>
    </section>
  );
}

function FindingDetail({ f, country }: { f: Finding; country: string }) {
  const { t } = useTranslation();
  const events = f.evidence.filter((e) => e.type === 'event');
  const parts = f.evidence.filter((e) => e.type === 'plan');
  const measures = f.evidence.filter((e) => e.type === 'measure');
  return (
    <section className="finding-detail" aria-label={t('plan.finding', { kind: f.kind, subject: f.subject })}>
      <p>
        <strong>{label(f.kind)}.</strong> {f.message}
      </p>
      {f.kind === 'threat-coverage-gap' && (
        <p>
          <a href={areaHref(country, f.subject)}>{t('plan.open', { area: f.subject })}</a>
        </p>
      )}
      {parts.length > 0 && (
        <p
          className="muted plan-places"
          title={parts.map((e) => (e.type === 'plan' ? e.path : '')).join(', ')}
        >
          {t('plan.planParts', {
            parts: parts
              .map((e) => (e.type === 'plan' ? planPlace(e.path, e.id) : ''))
              .join(t('common.listSeparator')),
          })}
        </p>
      )}
      {measures.map((m) =>
        m.type === 'measure' ? (
          <p key={m.name} className="muted">
            {t(`plan.measure.${m.name}`, { defaultValue: m.name })}
            {t('common.colon')}
            {num(m.value)} {m.note ?? ''}
          </p>
        ) : null,
      )}
      {events.length > 0 && (
        <details>
          <summary>{t('plan.eventsBehind', { count: events.length })}</summary>
          <ul className="evidence">
            {events.slice(0, 30).map((e) =>
              e.type === 'event' ? (
                <li key={e.id}>
                  {day(e.date)} {e.admin1}
                  {t('common.colon')}
                  {actorName(e.actor1)} → {e.actor2 ? actorName(e.actor2) : '—'}{' '}
                  {t('plan.dead', { count: e.fatalities })} <code>{e.sourceEventId}</code>
                </li>
              ) : null,
            )}
          </ul>
        </details>
      )}
      {f.mitigations.length > 0 && (
        <>
          <h3>{t('plan.mitigations')}</h3>
          <ul>
            {f.mitigations.map((m) => (
              <li key={m.id}>{m.text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * A place in the plan file in words, from the check's path: "strategies[1].objectives[0].supports"
 * for objective O-2 reads "O-2 — strategy 2, objective 1, field supports". Parts the words do not
 * know are shown as the path writes them.
 */
export function planPlace(path: string, id: string): string {
  const words: string[] = [];
  const segments = path.split('.');
  let i = 0;
  for (; i < segments.length; i++) {
    const m = /^([A-Za-z0-9]+)(?:\[(\d+)\])?$/.exec(segments[i] ?? '');
    if (!m) break;
    const [, name = '', index] = m;
    const known = i18next.exists(`plan.place.${name}`);
    if (index !== undefined && known) words.push(i18next.t(`plan.place.${name}`, { n: Number(index) + 1 }));
    else if (index === undefined && known && i < segments.length - 1)
      words.push(i18next.t(`plan.place.${name}`));
    else break;
  }
  const rest = segments.slice(i).join('.');
  if (rest) words.push(`${i18next.t('plan.field')} ${rest}`);
  return `${id} — ${words.join(', ')}`;
}

interface Node {
  id: string;
  label: string;
  text: string;
  col: number;
  y: number;
  kind: string;
}

const COL_X = [0, 200, 410, 640];
const NODE_W = 185;
const NODE_H = 38;
const GAP = 8;

/** The plan's chain as a layered graph: one column per level, an edge for every id that ties them. */
function PlanGraph({ plan, highlight }: { plan: Plan; highlight: Set<string> }) {
  const { t } = useTranslation();
  const { nodes, edges, height } = useMemo(
    () => layout(plan, t('plan.priority'), (code) => t(`plan.part.${code}`, { defaultValue: code })),
    [plan, t],
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // On a phone the graph shows two of its four columns, and a phone shows no scroll bar until the
  // graph is touched: whether it is wider than its box is measured, and then said above it.
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const wrap = box.current;
    if (!wrap) return;
    const measure = () => setWide(wrap.scrollWidth > wrap.clientWidth + 1);
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(wrap);
    return () => resized.disconnect();
  }, []);
  return (
    <div className="graph-box">
      {wide && (
        <p className="graph-hint" role="note">
          {t('plan.scrollHint')}
        </p>
      )}
      <div className="graph-wrap" ref={box}>
        <svg
          className="plan-graph"
          width={COL_X[3] + NODE_W + 4}
          height={height}
          role="img"
          aria-label={t('plan.chain')}
        >
          {(t('plan.columns', { returnObjects: true }) as string[]).map((title, i) => (
            <text key={title} x={COL_X[i]} y={14} className="col-title">
              {title}
            </text>
          ))}
          {edges.map(([a, b, dashed]) => {
            const s = byId.get(a);
            const e = byId.get(b);
            if (!s || !e) return null;
            const lit = highlight.has(a) || highlight.has(b);
            const y1 = s.y + NODE_H / 2;
            const y2 = e.y + NODE_H / 2;
            // A POC objective's political link joins two nodes of one column: draw it as an arc on the right.
            const d =
              s.col === e.col
                ? `M${s.x() + NODE_W},${y1} C${s.x() + NODE_W + 28},${y1} ${e.x() + NODE_W + 28},${y2} ${e.x() + NODE_W},${y2}`
                : `M${s.x() + NODE_W},${y1} C${s.x() + NODE_W + 40},${y1} ${e.x() - 40},${y2} ${e.x()},${y2}`;
            return (
              <path
                key={`${a}-${b}-${dashed}`}
                d={d}
                className={`edge ${dashed ? 'dashed' : ''} ${lit ? 'lit' : ''}`}
              />
            );
          })}
          {nodes.map((n) => (
            <g
              key={n.id}
              transform={`translate(${COL_X[n.col]},${n.y})`}
              className={`node node-${n.kind} ${highlight.has(n.id) ? 'lit' : ''}`}
            >
              <title>{`${n.id}: ${n.text}`}</title>
              <rect width={NODE_W} height={NODE_H} rx={4} />
              <text x={6} y={14} className="node-id">
                {n.label}
              </text>
              <text x={6} y={29} className="node-text">
                {n.text.length > 30 ? `${n.text.slice(0, 29)}…` : n.text}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </div>
  );
}

function layout(plan: Plan, priority: string, part: (code: string) => string) {
  const cols: Omit<Node, 'y'>[][] = [[], [], [], []];
  for (const t of plan.mandate.tasks)
    cols[0].push({
      id: t.id,
      label: `${t.id}${t.priority ? priority : ''}`,
      text: t.text,
      col: 0,
      kind: 'task',
    });
  for (const o of plan.concept.objectives)
    cols[1].push({ id: o.id, label: o.id, text: o.text, col: 1, kind: 'concept' });
  for (const s of plan.strategies)
    for (const o of s.objectives)
      cols[2].push({ id: o.id, label: `${o.id} · ${part(s.kind)}`, text: o.text, col: 2, kind: s.kind });
  for (const a of plan.activities)
    cols[3].push({
      id: a.id,
      label: `${a.id} · ${part(a.component)}`,
      text: `${a.text} (${a.areas.join(', ')})`,
      col: 3,
      kind: 'activity',
    });
  const nodes: (Node & { x: () => number })[] = [];
  let height = 0;
  for (const col of cols) {
    for (const [i, n] of col.entries()) {
      const y = 24 + i * (NODE_H + GAP);
      height = Math.max(height, y + NODE_H + 4);
      nodes.push({ ...n, y, x: () => COL_X[n.col] });
    }
  }
  const edges: [string, string, boolean][] = [];
  for (const o of plan.concept.objectives) for (const t of o.tasks) edges.push([t, o.id, false]);
  for (const s of plan.strategies)
    for (const o of s.objectives) {
      for (const a of o.anchors) edges.push([a, o.id, false]);
      for (const p of o.political) edges.push([p, o.id, true]);
    }
  for (const a of plan.activities) for (const o of a.objectives) edges.push([o, a.id, false]);
  return { nodes, edges, height };
}
