import type { JointAnalysis } from '../analysis/joint-analysis-result.ts';
import { type BriefContext, type BriefDocument, buildBrief, type Cell } from './brief-model.ts';
import { citationGroups, citationLine } from './brief-sources.ts';
import { barChartSvg, lineChartSvg, SHORT_SERIES, sparkline, sparklineSvg } from './svg-chart.ts';

/**
 * The joint analysis brief that a mission's leadership reads and can send: a classification
 * marking from the highest sensitivity it counts, the date it was produced, the sources cited as
 * each asks, then headline figures, hotspots, alerts, perpetrators (state forces apart), drivers
 * (joint findings apart from unconfirmed tags and rule suggestions), threats and the method, each
 * section saying in words how its figures were counted. One document model (brief-model.ts), two
 * renderers here, so Markdown and HTML never differ; English or French (brief-text.ts).
 */
export type { BriefContext } from './brief-model.ts';

// ---- Markdown ---------------------------------------------------------------------------------

function mdCell(doc: BriefDocument, c: Cell): string {
  if (c === null) return '–';
  if (typeof c === 'number') return doc.format.num(c);
  if (typeof c === 'object' && 'spark' in c)
    return sparkline(c.spark, 24) ? `\`${sparkline(c.spark, 24)}\`` : '';
  // Source ids are text from the source (an HXL sheet's own ids): escaped like any other text.
  return mdText(typeof c === 'object' ? citationLine(doc.lang, c) : c);
}

/**
 * Text in a Markdown table cell, which comes from the data: a bar would end the cell, a line break
 * the row, and emphasis, code or a link (`[site](http://…)` in a partner's actor name) would be
 * rendered live (exports probe); each such mark is escaped to show as itself.
 */
function mdText(s: string): string {
  return noHtml(
    s
      .replace(/[\\`*_[\]]/g, (m) => `\\${m}`)
      .replace(/\|/g, '\\|')
      .replace(/\s*\n\s*/g, ' '),
  );
}

/**
 * Text from the data (an actor's or a place's name, a note) that a Markdown viewer would take for
 * HTML: an actor named `<svg onload=…>` ran as script in viewers that render HTML. A `<` that
 * could open a tag is written `\<`, which Markdown shows as `<`.
 */
function noHtml(s: string): string {
  return s.replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

/** The most marks a text chart's line holds. */
const SPARK_MARKS = 60;

/** The brief as Markdown (charts as block sparklines, or the monthly figures for a short period). */
export function renderBriefMarkdown(a: JointAnalysis, context: BriefContext = {}): string {
  const doc = buildBrief(a, context);
  const f = doc.format;
  const out: string[] = [];
  if (doc.marking) out.push(`**${doc.marking}**`, '');
  out.push(`# ${noHtml(doc.title)}`, '', doc.produced, '');
  if (doc.sources.length) out.push(`**${doc.sourcesTitle}${doc.text.colon}** ${doc.sources.join(' · ')}`, '');
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, '');
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'p':
          out.push(noHtml(b.text), '');
          break;
        case 'counted':
          out.push(`*${doc.text.howCounted}* ${noHtml(b.text)}`, '');
          break;
        case 'list':
          out.push(...b.items.map((i) => `- ${noHtml(i)}`), '');
          break;
        case 'table': {
          const numeric = b.head.map(
            (_, i) => b.rows.length > 0 && b.rows.every((r) => typeof r[i] === 'number' || r[i] === null),
          );
          out.push(`| ${b.head.join(' | ')} |`, `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`);
          for (const r of b.rows) out.push(`| ${r.map((c) => mdCell(doc, c)).join(' | ')} |`);
          out.push('');
          break;
        }
        case 'chart': {
          const first = b.months[0] ?? '';
          const last = b.months.at(-1) ?? '';
          // Past SPARK_MARKS months a mark sums several: said, so no one reads it as one month.
          const perMark = Math.ceil(b.months.length / SPARK_MARKS);
          const span = doc.text.charts.from(first, last);
          const marks = perMark > 1 ? `${doc.text.semicolon} ${doc.text.charts.eachMark(perMark)}` : '';
          out.push(`${b.title} (${span}${marks})${doc.text.colon}`, '');
          out.push('```');
          // Every name padded to the longest, so the bars line up in any language.
          const width = Math.max(28, ...b.series.map((x) => x.name.length));
          for (const s2 of b.series) {
            if (b.months.length <= SHORT_SERIES) {
              // A short period reads better as its figures than as a sparkline of a few blocks.
              out.push(
                `${s2.name.padEnd(width)} ${s2.values.map((v, i) => `${b.months[i]}${doc.text.colon} ${f.num(v)}`).join('  ')}`,
              );
              continue;
            }
            const peak = Math.max(0, ...s2.values.map((v) => v ?? 0));
            out.push(
              `${s2.name.padEnd(width)} ${sparkline(s2.values, SPARK_MARKS)}  ${doc.text.charts.peak} ${f.num(peak)}`,
            );
          }
          out.push('```', '');
          break;
        }
      }
    }
  }
  // The marking at the foot too, as on the HTML and PDF brief: a printed last page says it.
  if (doc.marking) {
    while (out.at(-1) === '') out.pop();
    out.push('', `**${doc.marking}**`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---- HTML -------------------------------------------------------------------------------------

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A sentence's text, escaped, with its `commands` set as code (the Markdown brief's backticks). */
export function inlineHtml(s: string): string {
  return esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Where an event's page is in the workbench at `workbench` (its address, ending in "/" or "?lang=…"). */
export function eventLink(workbench: string, id: number): string {
  return `${workbench}#/event?id=${id}`;
}

function htmlCell(doc: BriefDocument, c: Cell): string {
  if (c === null) return '<td class="num">–</td>';
  if (typeof c === 'number') return `<td class="num">${doc.format.num(c)}</td>`;
  if (typeof c === 'object' && 'spark' in c) return `<td>${sparklineSvg([...c.spark])}</td>`;
  if (typeof c === 'object') {
    const groups = citationGroups(doc.lang, c.events).map((g) =>
      [
        g.name && esc(g.name),
        g.events
          .map((e) =>
            doc.workbench === undefined
              ? esc(e.label)
              : `<a href="${esc(eventLink(doc.workbench, e.id))}">${esc(e.label)}</a>`,
          )
          .join(', '),
      ]
        .filter(Boolean)
        .join(' '),
    );
    return `<td>${groups.join('; ')}${c.more ? ', …' : ''}</td>`;
  }
  return `<td>${esc(c)}</td>`;
}

/** The brief as one self-contained HTML page with inline SVG charts; evidence links to event pages. */
export function renderBriefHtml(a: JointAnalysis, context: BriefContext = {}): string {
  const doc = buildBrief(a, context);
  const f = doc.format;
  const body: string[] = [];
  if (doc.marking) body.push(`<p class="marking" title="${esc(doc.markingNote)}">${esc(doc.marking)}</p>`);
  body.push(`<h1>${esc(doc.title)}</h1>`, `<p class="produced">${esc(doc.produced)}</p>`);
  if (doc.sources.length)
    body.push(
      `<p class="sources"><strong>${esc(doc.sourcesTitle + doc.text.colon)}</strong></p><ul class="sources">${doc.sources.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`,
    );
  for (const s of doc.sections) {
    body.push(`<section><h2>${esc(s.title)}</h2>`);
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'p':
          body.push(`<p>${inlineHtml(b.text)}</p>`);
          break;
        case 'counted':
          body.push(
            `<p class="counted"><strong>${esc(doc.text.howCounted)}</strong> ${inlineHtml(b.text)}</p>`,
          );
          break;
        case 'list':
          body.push(`<ul>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`);
          break;
        case 'table':
          body.push(
            `<div class="table-wrap"><table><thead><tr>${b.head.map((x) => `<th>${esc(x)}</th>`).join('')}</tr></thead><tbody>${b.rows
              .map((r) => `<tr>${r.map((c) => htmlCell(doc, c)).join('')}</tr>`)
              .join('')}</tbody></table></div>`,
          );
          break;
        case 'chart':
          body.push(
            `<figure>${
              b.months.length <= SHORT_SERIES
                ? barChartSvg(b.title, b.months, b.series, f.num)
                : lineChartSvg(b.title, b.months, b.series, { number: f.num })
            }</figure>`,
          );
          break;
      }
    }
    body.push('</section>');
  }
  if (doc.marking) body.push(`<p class="marking">${esc(doc.marking)}</p>`);
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
p.marking { text-align: center; font-weight: bold; letter-spacing: 0.08em; border: 2px solid #222; padding: 4px; margin: 1em 0; }
p.produced { color: #444; margin-top: -0.5em; }
ul.sources { font-size: 13px; margin-top: -0.5em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 13px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
p.counted { font-size: 12px; color: #555; }
figure { margin: 0.5em 0; }
figure svg { max-width: 100%; height: auto; }
/* A wide table scrolls within the page on a phone rather than widening the page. */
.table-wrap { overflow-x: auto; }
/* On a phone a chart keeps a width its labels can be read at, and scrolls sideways within the
   page: shrunk to the screen, its 10px labels came out at 5px. */
@media screen and (max-width: 600px) {
  figure { overflow-x: auto; }
  figure svg { max-width: none; width: 560px; }
}
/* On paper nothing scrolls: tables shrink to the page, their cells wrap between words, rows stay whole. */
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .table-wrap { overflow: visible; }
  table { font-size: 9px; width: 100%; }
  th, td { padding: 2px 3px; overflow-wrap: break-word; }
  tr, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
