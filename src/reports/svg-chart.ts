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

/**
 * A line chart of monthly series, labelled with the first and last month and the maximum, with a
 * legend when there is more than one series. Months with no figure (null) break the line.
 */
export function lineChartSvg(
  title: string,
  months: readonly string[],
  series: readonly ChartSeries[],
  options: { width?: number; height?: number } = {},
): string {
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
    `<text x="${left - 4}" y="${top + 8}" font-size="10" text-anchor="end">${max.toLocaleString('en-US')}</text>`,
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
