import type { AgreementReview } from '../domain/agreement.ts';
import { POC_CATEGORIES } from '../domain/provision.ts';
import { isCodableLanguage, rulesForLanguage } from './agreement-language.ts';
import { operativeProvisions } from './poc-coder.ts';
import type { PocRules } from './poc-rules.ts';

/** The review's own words, in the language of the text reviewed. */
const WORDS = {
  en: {
    review: 'POC review',
    summary: (p: number, chars: string, covered: number, all: number) =>
      `${p} provisions, ${chars} characters; ${covered} of ${all} categories covered.`,
    scorecard: 'Scorecard',
    head: ['category', '', 'covered', 'provisions'],
    yes: 'yes',
    no: 'no',
    gaps: 'Gaps',
    noGap: 'None: every category has at least one provision.',
    why: 'Why it matters.',
    engage: 'Engage:',
    model: '**Model language** (written for Tandem; adapt before use):',
    precedents: 'Precedents in your corpus:',
    coded: 'Coded provisions',
    rule: 'rule',
    notes: 'Notes',
    notCoded: 'Not coded',
    warning: 'Warning',
    colon: ':',
    list: '; ',
    impunity: 'Amnesty and immunity',
    impunityIntro:
      'These sentences grant an amnesty or an immunity, or waive prosecution, and keep no crime out of it. The UN endorses no amnesty for genocide, crimes against humanity, war crimes or gross violations of human rights, sexual violence among them; what they shield is not counted as coverage.',
    preambleOnly: (codes: string) =>
      `Named only in the preamble: ${codes}. A recital commits no one; these categories are counted as PA-X counts them, but the text has no operative provision on them (model language under Gaps would serve).`,
  },
  fr: {
    review: 'Examen POC',
    summary: (p: number, chars: string, covered: number, all: number) =>
      `${p} dispositions, ${chars} caractères ; ${covered} catégories couvertes sur ${all}.`,
    scorecard: 'Tableau de couverture',
    head: ['catégorie', '', 'couverte', 'dispositions'],
    yes: 'oui',
    no: 'non',
    gaps: 'Lacunes',
    noGap: 'Aucune : chaque catégorie a au moins une disposition.',
    why: 'Pourquoi c’est important.',
    engage: 'Acteurs à mobiliser :',
    model: '**Texte modèle** (rédigé pour Tandem ; à adapter avant usage) :',
    precedents: 'Précédents dans votre corpus :',
    coded: 'Dispositions codées',
    rule: 'règle',
    notes: 'Notes',
    notCoded: 'Non codé',
    warning: 'Attention',
    colon: ' :',
    list: ' ; ',
    impunity: 'Amnistie et immunité',
    impunityIntro:
      'Ces phrases accordent une amnistie ou une immunité, ou renoncent aux poursuites, sans en exclure aucun crime. L’ONU n’approuve aucune amnistie pour le génocide, les crimes contre l’humanité, les crimes de guerre ou les violations graves des droits de l’homme, dont les violences sexuelles ; ce qu’elles couvrent n’est pas compté comme couverture.',
    preambleOnly: (codes: string) =>
      `Cités seulement dans le préambule : ${codes}. Un considérant n’engage personne ; ces catégories sont comptées comme PA-X les compte, mais le texte n’a aucune disposition opérative à leur sujet.`,
  },
};

function wordsFor(r: AgreementReview) {
  return r.language === 'fr' ? WORDS.fr : WORDS.en;
}

function rulesFor(r: AgreementReview): PocRules {
  return rulesForLanguage(isCodableLanguage(r.language) ? r.language : 'en');
}

/**
 * The review as Markdown: the scorecard, each gap with why it matters, whom to engage, model
 * language and precedents, then the coded provisions with the phrases that fired.
 */
export function reviewToMarkdown(r: AgreementReview, rules: PocRules = rulesFor(r)): string {
  const w = wordsFor(r);
  const out: string[] = [`# ${w.review}${w.colon} ${r.title}`, ''];
  if (!r.coded) {
    out.push(`**${w.notCoded}.** ${r.warning ?? ''}`, '');
    return out.join('\n');
  }
  if (r.warning) out.push(`**${w.warning}.** ${r.warning}`, '');
  const covered = POC_CATEGORIES.filter((c) => r.coverage[c]).length;
  out.push(
    w.summary(
      operativeProvisions(r.provisions).length,
      r.characters.toLocaleString(r.language),
      covered,
      POC_CATEGORIES.length,
    ),
    '',
  );
  if (r.impunity.length) {
    out.push(`## ${w.impunity}`, '', w.impunityIntro, '');
    for (const g of r.impunity) out.push(`- **${g.provision}**: "${g.quote}"`);
    out.push('');
  }
  out.push(`## ${w.scorecard}`, '', `| ${w.head.join(' | ')} |`, '|---|---|---|---|');
  for (const c of POC_CATEGORIES) {
    out.push(
      `| ${c} | ${rules.advice[c].label} | ${r.coverage[c] ? w.yes : `**${w.no}**`} | ${r.counts[c]} |`,
    );
  }
  if (r.preambleOnly.length) out.push('', w.preambleOnly(r.preambleOnly.join(', ')));
  out.push('', `## ${w.gaps}`, '');
  if (r.gaps.length === 0) out.push(w.noGap, '');
  for (const g of r.gaps) {
    out.push(
      `### ${g.code}${w.colon} ${g.label}`,
      '',
      `**${w.why}** ${g.why}`,
      '',
      `**${w.engage}** ${g.engage.join(w.list)}.`,
      '',
    );
    out.push(w.model, '', `> ${g.suggestion}`, '');
    if (g.precedents.length) {
      out.push(`**${w.precedents}**`, '');
      for (const p of g.precedents) out.push(`- *${p.agreement}*, ${p.provisionId}: "${p.excerpt}"`);
      out.push('');
    }
  }
  out.push(`## ${w.coded}`, '');
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
export function reviewToHtml(r: AgreementReview, rules: PocRules = rulesFor(r)): string {
  const w = wordsFor(r);
  const rows = POC_CATEGORIES.map(
    (c) =>
      `<tr class="${r.coverage[c] ? 'yes' : 'no'}"><td>${c}</td><td>${esc(rules.advice[c].label)}</td><td>${r.coverage[c] ? w.yes : w.no}</td><td>${r.counts[c]}</td></tr>`,
  ).join('\n');
  const gaps = r.gaps
    .map(
      (g) => `<section class="gap"><h3>${g.code}: ${esc(g.label)}</h3>
<p><strong>${w.why}</strong> ${esc(g.why)}</p>
<p><strong>${w.engage}</strong> ${g.engage.map(esc).join('; ')}.</p>
<p>${w.model.replace(/\*\*(.*?)\*\*/, '<strong>$1</strong>')}</p><blockquote>${esc(g.suggestion)}</blockquote>
${g.precedents.length ? `<p><strong>${w.precedents}</strong></p><ul>${g.precedents.map((p) => `<li><em>${esc(p.agreement)}</em>, ${esc(p.provisionId)}: “${esc(p.excerpt)}”</li>`).join('')}</ul>` : ''}
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
<html lang="${r.language === 'fr' ? 'fr' : 'en'}"><head><meta charset="utf-8"><title>${w.review}: ${esc(r.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}tr.no td{background:#fdecea}
blockquote{border-left:4px solid #4a7;margin:0;padding:.3rem 1rem;background:#f3faf5}
mark{background:#fff3b0}sup{font-size:.65em;color:#a60;margin-left:.1em}article{border-top:1px solid #eee}
</style></head><body>
<h1>${w.review}: ${esc(r.title)}</h1>
${r.coded ? (r.warning ? `<p class="warning"><strong>${w.warning}.</strong> ${esc(r.warning)}</p>` : '') : `<p class="warning"><strong>${w.notCoded}.</strong> ${esc(r.warning ?? '')}</p>`}
<p>${w.summary(operativeProvisions(r.provisions).length, r.characters.toLocaleString(r.language), POC_CATEGORIES.filter((c) => r.coverage[c]).length, POC_CATEGORIES.length)}</p>
${r.impunity.length ? `<h2>${w.impunity}</h2><p>${esc(w.impunityIntro)}</p><ul>${r.impunity.map((g) => `<li><strong>${esc(g.provision)}</strong>: “${esc(g.quote)}”</li>`).join('')}</ul>` : ''}
<h2>${w.scorecard}</h2><table><tr>${w.head.map((h) => `<th>${h}</th>`).join('')}</tr>
${rows}</table>
${r.preambleOnly.length ? `<p>${esc(w.preambleOnly(r.preambleOnly.join(', ')))}</p>` : ''}
<h2>${w.gaps}</h2>${gaps || `<p>${w.noGap}</p>`}
<h2>${w.coded}</h2>${provisions}
<h2>${w.notes}</h2><ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</body></html>
`;
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}
