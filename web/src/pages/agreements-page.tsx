import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operativeProvisions } from '../../../src/agreements/poc-coder.ts';
import type { AgreementList, Provision, ReviewAnswer, StoredReviewAnswer } from '../agreement-types.ts';
import { get, runOperation } from '../api-client.ts';
import { type AgreementDocument, AgreementReviewActions } from '../components/agreement-review-actions.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { label } from '../labels.ts';
import { useApi } from '../use-api.ts';

export function AgreementsPage() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(0);
  const list = useApi<AgreementList>(`agreements ${saved}`, (s) => get('/api/agreements', {}, s));
  const [chosen, setChosen] = useState<number | null>(null);
  // The newest agreement's review is asked for only once the list says there is one: asked of an
  // empty corpus, the server answers 404, which the browser logs as an error on every visit.
  const listed = list.data !== undefined || list.error !== undefined;
  const noneStored = chosen === null && list.data !== undefined && list.data.length === 0;
  const stored = useApi<StoredReviewAnswer>(
    noneStored || (chosen === null && !listed) ? null : `agreement-${chosen}`,
    (s) => get('/api/agreements/review', { id: chosen }, s),
  );
  const [own, setOwn] = useState<{
    state: 'idle' | 'busy' | 'failed';
    review?: ReviewAnswer;
    document?: AgreementDocument;
    error?: string;
  }>({ state: 'idle' });
  const review = async (file: File) => {
    setOwn({ state: 'busy' });
    try {
      // PDF and Word files travel as base64; text as text.
      const binary = /\.(pdf|docx)$/i.test(file.name);
      const document = binary
        ? { name: file.name, base64: await toBase64(file) }
        : { name: file.name, text: await file.text() };
      setOwn({ state: 'idle', document, review: await runOperation('reviewAgreement', { document }) });
    } catch (e) {
      setOwn({ state: 'failed', error: (e as Error).message });
    }
  };
  return (
    <section className="agreements">
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        {list.data && list.data.length > 0 && (
          <label>
            {t('agreements.imported')}{' '}
            <select
              value={chosen ?? ''}
              onChange={(e) => {
                setChosen(e.target.value ? Number(e.target.value) : null);
                setOwn({ state: 'idle' });
              }}
            >
              <option value="">{t('agreements.newest')}</option>
              {list.data.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('agreements.another')}{' '}
          <input
            type="file"
            accept=".txt,.md,.pdf,.docx"
            onChange={(e) => e.target.files?.[0] && review(e.target.files[0])}
          />
        </label>
        {own.state === 'busy' && <span role="status">{t('agreements.reviewing')}</span>}
        {own.state === 'failed' && <span className="error-box">{own.error}</span>}
      </form>
      {own.review ? (
        <>
          <AgreementReviewActions document={own.document} onSaved={() => setSaved((n) => n + 1)} />
          <Review r={own.review} />
        </>
      ) : noneStored ? (
        <Empty>
          {t('agreements.none')} <code>tandem agreement import FILE</code>
        </Empty>
      ) : (
        <Async
          state={chosen === null && !listed ? { ...stored, loading: true } : stored}
          what={t('agreements.theReview')}
          missing={
            chosen === null ? (
              <>
                {t('agreements.none')} <code>tandem agreement import FILE</code>
              </>
            ) : undefined
          }
        >
          {(r) => (
            <>
              <AgreementReviewActions storedId={r.id} />
              <Review r={r} />
            </>
          )}
        </Async>
      )}
    </section>
  );
}

function Review({ r }: { r: ReviewAnswer }) {
  const { t } = useTranslation();
  const [only, setOnly] = useState<string | null>(null);
  // Every POC category the coder knows, in its order.
  const codes = Object.keys(r.coverage) as (keyof ReviewAnswer['coverage'])[];
  const shown = r.provisions.filter((p) => !only || p.codes.some((c) => c.code === only));
  // Counted as the downloaded review counts them: a title, chapter or article heading line is
  // structure shown for orientation, not a provision.
  // (Judged among all the provisions, so that each has its parent at hand.)
  const operative = new Set(operativeProvisions(r.provisions).map((p) => p.id));
  const counted = shown.filter((p) => operative.has(p.id)).length;
  return (
    <>
      <h1>{r.title}</h1>
      {/* First on every screen: a clause that shields the authors of crimes is what to raise first. */}
      {r.impunity.length > 0 && (
        <section className="error-box" aria-label={t('agreements.impunity')}>
          <h2>{t('agreements.impunity')}</h2>
          <p>{t('agreements.impunityIntro')}</p>
          <ul>
            {r.impunity.map((g) => (
              <li key={g.quote}>
                <strong>{g.provision}</strong>: <q>{g.quote}</q>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="agreement-layout">
        <div>
          <h2>
            {t('agreements.provisions')} {only ? t('agreements.coded', { code: only }) : ''} ({counted})
            {only && (
              <button type="button" onClick={() => setOnly(null)} style={{ marginLeft: 8 }}>
                {t('agreements.showAll')}
              </button>
            )}
          </h2>
          <div className="provisions">
            {shown.map((p) => (
              <div key={p.id} className={`provision ${p.codes.length ? 'coded' : ''}`} id={`prov-${p.id}`}>
                <div>
                  {p.codes.map((c) => (
                    <span
                      key={`${c.code}-${c.span.start}-${c.span.end}`}
                      className="code-chip"
                      title={t('agreements.why', { label: label(c.code), rule: c.rule, text: c.span.text })}
                    >
                      {c.code}
                    </span>
                  ))}
                  {/* A heading whose whole text is its label ("PREAMBLE") is not said twice. */}
                  {!sameWords(p.number || p.heading, p.text) && <strong>{p.number || p.heading}</strong>}
                </div>
                <Highlighted p={p} />
              </div>
            ))}
          </div>
        </div>
        <aside>
          <h2>{t('agreements.coverage')}</h2>
          <section className="scorecard" aria-label={t('agreements.byCategory')}>
            {codes.map((c) => (
              <button
                type="button"
                key={c}
                className={r.coverage[c] ? 'yes' : 'no'}
                onClick={() => setOnly(r.coverage[c] ? c : null)}
                aria-pressed={only === c}
                style={{
                  background: 'none',
                  border: 'none',
                  textAlign: 'left',
                  padding: 2,
                  cursor: r.coverage[c] ? 'pointer' : 'default',
                  font: 'inherit',
                }}
              >
                <span className="code-chip">{c}</span> {label(c)}
                {r.preambleOnly.includes(c) && (
                  <em className="muted" title={t('agreements.preambleOnlyNote')}>
                    {' '}
                    ({t('agreements.preambleOnly')})
                  </em>
                )}
              </button>
            ))}
          </section>
          <h2>{t('agreements.gaps', { count: r.gaps.length })}</h2>
          {r.gaps.length === 0 ? (
            <Empty>{t('agreements.allCovered')}</Empty>
          ) : (
            r.gaps.map((g) => (
              <details className="gap" key={g.code}>
                <summary>
                  <span className="code-chip">{g.code}</span>{' '}
                  {t(`common.codes.${g.code}`, { defaultValue: g.label })}
                </summary>
                <p>{g.why}</p>
                <p>
                  <strong>{t('agreements.suggested')}</strong> {g.suggestion}
                </p>
                <p>
                  <strong>{t('agreements.engage')}</strong> {g.engage.join('; ')}
                </p>
                {g.precedents.length > 0 && (
                  <p>
                    <strong>{t('agreements.precedents')}</strong>{' '}
                    {g.precedents.map((x) => `${x.agreement} (${x.heading})`).join('; ')}
                  </p>
                )}
              </details>
            ))
          )}
        </aside>
      </div>
    </>
  );
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Whether two texts say the same words, whatever their case, spacing and punctuation. */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return words(a) === words(b);
}

/** The provision's text with each coded span marked, so a reader sees why it was coded. */
function Highlighted({ p }: { p: Provision }) {
  const { t } = useTranslation();
  const spans = p.codes
    .map((c) => ({
      start: Math.max(c.span.start, p.start) - p.start,
      end: Math.min(c.span.end, p.end) - p.start,
      code: c.code,
      why: t('agreements.why', { label: label(c.code), rule: c.rule, text: c.span.text }),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const parts: (string | { text: string; code: string; why: string; start: number })[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push(p.text.slice(at, s.start));
    parts.push({ text: p.text.slice(s.start, s.end), code: s.code, why: s.why, start: s.start });
    at = s.end;
  }
  parts.push(p.text.slice(at));
  return (
    <p>
      {parts.map((x) =>
        typeof x === 'string' ? (
          x
        ) : (
          <mark key={`${x.code}-${x.start}`} title={x.why}>
            {x.text}
          </mark>
        ),
      )}
    </p>
  );
}
