/** Small, dependency-free charts for the brief: inline SVG for HTML, block sparklines for Markdown. */

export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#d4a017', '#7d3c98', '#e67e22', '#17a2b8', '#555555'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Sums values into at most `buckets` consecutive groups, so long series stay readable. */
export function bucketise(values: readonly (number | null)[], buckets: number): number[] {
  if (values.length <= buckets) return values.map((v) => v ?? 0);
  const size = Math.ceil(values.length / buckets);
  const out: number[] = [];
  for (let i = 0; i < values.length; i += size)
    out.push(values.slice(i, i + size).reduce<number>((a, v) => a + (v ?? 0), 0));
  return out;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A one-line sparkline of block characters (at most `width` of them); blank for an all-zero series. */
export function sparkline(values: readonly (number | null)[], width = 40): string {
  const b = bucketise(values, width);
  const max = Math.max(0, ...b);
  if (max === 0) return '';
  return b.map((v) => (v === 0 ? ' ' : BLOCKS[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}

/** Up to this many months a chart draws bars with their figures: a line needs more points. */
export const SHORT_SERIES = 6;

/**
 * A bar chart for a short period (one to six months): bars grouped by month, one colour per
 * series, each bar labelled with its figure and each month named under its group. A one-month
 * brief then shows its figures instead of an empty line chart.
 */
export function barChartSvg(
  title: string,
  months: readonly string[],
  series: readonly ChartSeries[],
  number: (n: number) => string = (n) => n.toLocaleString('en-US'),
): string {
  const width = 640;
  const left = 44;
  // Room above the tallest bar for its figure, below the title.
  const top = 36;
  const h = 100;
  const rows = series.length > 1 ? Math.ceil(series.length / 3) : 0;
  const height = top + h + 34 + Math.max(0, rows - 1) * 14;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const group = (width - left - 10) / Math.max(1, months.length);
  const bar = Math.min(40, (group * 0.8) / Math.max(1, series.length));
  const bars = months.flatMap((m, i) => {
    const x0 = left + i * group + (group - bar * series.length) / 2;
    return [
      ...series.map((s, k) => {
        const v = s.values[i] ?? null;
        const x = x0 + k * bar;
        if (v === null)
          return `<text x="${(x + bar / 2).toFixed(1)}" y="${top + h - 3}" font-size="10" text-anchor="middle">–</text>`;
        const bh = (v / max) * h;
        return `<rect x="${x.toFixed(1)}" y="${(top + h - bh).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLOURS[k % COLOURS.length]}"><title>${esc(`${s.name}, ${m}: ${number(v)}`)}</title></rect><text x="${(x + bar / 2 - 1).toFixed(1)}" y="${(top + h - bh - 3).toFixed(1)}" font-size="10" text-anchor="middle">${esc(number(v))}</text>`;
      }),
      `<text x="${(left + i * group + group / 2).toFixed(1)}" y="${top + h + 12}" font-size="10" text-anchor="middle">${esc(m)}</text>`,
    ];
  });
  const legend = rows
    ? series
        .map(
          (s, k) =>
            `<text x="${left + 4 + (k % 3) * 190}" y="${top + h + 28 + Math.floor(k / 3) * 14}" font-size="10" fill="${COLOURS[k % COLOURS.length]}">■ ${esc(s.name)}</text>`,
        )
        .join('')
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${left}" y1="${top + h}" x2="${width - 10}" y2="${top + h}" stroke="#999"/>`,
    ...bars,
    legend,
    '</svg>',
  ].join('');
}

/**
 * A line chart of monthly series, labelled with the first and last month and the maximum, with a
 * legend when there is more than one series. Months with no figure (null) break the line.
 */
export function lineChartSvg(
  title: string,
  months: readonly string[],
  series: readonly ChartSeries[],
  options: { width?: number; height?: number; number?: (n: number) => string } = {},
): string {
  const number = options.number ?? ((n: number) => n.toLocaleString('en-US'));
  const width = options.width ?? 640;
  const height = options.height ?? 170;
  const left = 44;
  const right = 10;
  const top = 22;
  const bottom = 34;
  const w = width - left - right;
  const h = height - top - bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const n = months.length;
  const x = (i: number) => left + (n <= 1 ? w / 2 : (i / (n - 1)) * w);
  const y = (v: number) => top + h - (v / max) * h;
  const paths = series.map((s, k) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return `<path d="${d}" fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="1.5"/>`;
  });
  // Three legend entries a row, each row below the last.
  const rows = series.length > 1 ? Math.ceil(series.length / 3) : 0;
  const legend = rows
    ? series
        .map(
          (s, k) =>
            `<text x="${left + 4 + (k % 3) * 190}" y="${height - 6 + Math.floor(k / 3) * 14}" font-size="10" fill="${COLOURS[k % COLOURS.length]}">■ ${esc(s.name)}</text>`,
        )
        .join('')
    : '';
  const total = height + Math.max(0, rows - 1) * 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${left}" y1="${top + h}" x2="${left + w}" y2="${top + h}" stroke="#999"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + h}" stroke="#999"/>`,
    `<text x="${left - 4}" y="${top + 8}" font-size="10" text-anchor="end">${esc(number(max))}</text>`,
    `<text x="${left - 4}" y="${top + h}" font-size="10" text-anchor="end">0</text>`,
    n ? `<text x="${left}" y="${top + h + 12}" font-size="10">${esc(months[0]!)}</text>` : '',
    n > 1
      ? `<text x="${left + w}" y="${top + h + 12}" font-size="10" text-anchor="end">${esc(months[n - 1]!)}</text>`
      : '',
    ...paths,
    legend,
    '</svg>',
  ].join('');
}

/** A tiny sparkline SVG for a table cell. */
export function sparklineSvg(values: readonly number[], width = 120, height = 24): string {
  const b = bucketise(values, 60);
  const max = Math.max(1, ...b);
  const n = b.length;
  const pts = b
    .map(
      (v, i) =>
        `${(n <= 1 ? width / 2 : (i / (n - 1)) * (width - 2) + 1).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`,
    )
    .join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true"><polyline points="${pts}" fill="none" stroke="#1f5fa8" stroke-width="1.2"/></svg>`;
}
