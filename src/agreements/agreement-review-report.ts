import type { AgreementReview } from '../domain/agreement.ts';
import { POC_CATEGORIES } from '../domain/provision.ts';
import { loadPocRules, type PocRules } from './poc-rules.ts';

/**
 * The review as Markdown: the scorecard, each gap with why it matters, whom to engage, model
 * language and precedents, then the coded provisions with the phrases that fired.
 */
export function reviewToMarkdown(r: AgreementReview, rules: PocRules = loadPocRules()): string {
  const out: string[] = [`# POC review: ${r.title}`, ''];
  const covered = POC_CATEGORIES.filter((c) => r.coverage[c]).length;
  out.push(
    `${r.provisions.length} provisions, ${r.characters.toLocaleString('en')} characters; ${covered} of ${POC_CATEGORIES.length} categories covered.`,
    '',
  );
  out.push('## Scorecard', '', '| category | | covered | provisions |', '|---|---|---|---|');
  for (const c of POC_CATEGORIES) {
    out.push(`| ${c} | ${rules.advice[c].label} | ${r.coverage[c] ? 'yes' : '**no**'} | ${r.counts[c]} |`);
  }
  out.push('', '## Gaps', '');
  if (r.gaps.length === 0) out.push('None: every category has at least one provision.', '');
  for (const g of r.gaps) {
    out.push(
      `### ${g.code}: ${g.label}`,
      '',
      `**Why it matters.** ${g.why}`,
      '',
      `**Engage:** ${g.engage.join('; ')}.`,
      '',
    );
    out.push('**Model language** (written for Tandem; adapt before use):', '', `> ${g.suggestion}`, '');
    if (g.precedents.length) {
      out.push('**Precedents in your corpus:**', '');
      for (const p of g.precedents) out.push(`- *${p.agreement}*, ${p.provisionId}: "${p.excerpt}"`);
      out.push('');
    }
  }
  out.push('## Coded provisions', '');
  for (const p of r.provisions) {
    if (!p.codes.length) continue;
    const codes = [...new Set(p.codes.map((c) => c.code))].join(', ');
    out.push(`- **${p.id}**${p.heading ? ` (${p.heading})` : ''} [${p.start}-${p.end}]: ${codes}`);
    for (const c of p.codes)
      out.push(`  - ${c.code}: "${c.span.text.replace(/\s+/g, ' ')}" (rule ${c.rule})`);
  }
  out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

/** The same review as a self-contained HTML page, with coded spans highlighted in each provision. */
export function reviewToHtml(r: AgreementReview, rules: PocRules = loadPocRules()): string {
  const rows = POC_CATEGORIES.map(
    (c) =>
      `<tr class="${r.coverage[c] ? 'yes' : 'no'}"><td>${c}</td><td>${esc(rules.advice[c].label)}</td><td>${r.coverage[c] ? 'yes' : 'no'}</td><td>${r.counts[c]}</td></tr>`,
  ).join('\n');
  const gaps = r.gaps
    .map(
      (g) => `<section class="gap"><h3>${g.code}: ${esc(g.label)}</h3>
<p><strong>Why it matters.</strong> ${esc(g.why)}</p>
<p><strong>Engage:</strong> ${g.engage.map(esc).join('; ')}.</p>
<p><strong>Model language</strong> (written for Tandem; adapt before use):</p><blockquote>${esc(g.suggestion)}</blockquote>
${g.precedents.length ? `<p><strong>Precedents in your corpus:</strong></p><ul>${g.precedents.map((p) => `<li><em>${esc(p.agreement)}</em>, ${esc(p.provisionId)}: “${esc(p.excerpt)}”</li>`).join('')}</ul>` : ''}
</section>`,
    )
    .join('\n');
  const provisions = r.provisions
    .filter((p) => p.codes.length)
    .map((p) => {
      // Mark each coded span inside the provision text; overlapping spans keep the first.
      let html = '';
      let at = 0;
      for (const c of [...p.codes].sort((a, b) => a.span.start - b.span.start)) {
        const s = c.span.start - p.start;
        const e = c.span.end - p.start;
        if (s < at) continue;
        html += `${esc(p.text.slice(at, s))}<mark title="${esc(c.why)}">${esc(p.text.slice(s, e))}<sup>${c.code}</sup></mark>`;
        at = e;
      }
      html += esc(p.text.slice(at));
      return `<article><h4>${esc(p.id)}${p.heading ? ` — ${esc(p.heading)}` : ''}</h4><p>${html.replace(/\n/g, '<br>')}</p></article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>POC review: ${esc(r.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}tr.no td{background:#fdecea}
blockquote{border-left:4px solid #4a7;margin:0;padding:.3rem 1rem;background:#f3faf5}
mark{background:#fff3b0}sup{font-size:.65em;color:#a60;margin-left:.1em}article{border-top:1px solid #eee}
</style></head><body>
<h1>POC review: ${esc(r.title)}</h1>
<p>${r.provisions.length} provisions, ${r.characters.toLocaleString('en')} characters.</p>
<h2>Scorecard</h2><table><tr><th>category</th><th></th><th>covered</th><th>provisions</th></tr>
${rows}</table>
<h2>Gaps</h2>${gaps || '<p>None: every category has at least one provision.</p>'}
<h2>Coded provisions</h2>${provisions}
<h2>Notes</h2><ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</body></html>
`;
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}
