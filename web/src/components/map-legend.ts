// The map's colour ramp, and the figures its legend shows along it.

/** The map's shades, by an area's share of the largest figure: the stops of area-map.tsx's fill. */
export const RAMP: readonly [number, string][] = [
  [0, '#fff7ec'],
  [0.25, '#fdbb84'],
  [0.6, '#e34a33'],
  [1, '#7f0000'],
];

/** The colour an area with this share of the largest figure is drawn in, as MapLibre mixes it. */
export function colourAt(share: number): string {
  const s = Math.min(1, Math.max(0, share));
  const upper = RAMP.findIndex(([stop]) => stop >= s);
  if (upper <= 0) return RAMP[0]![1];
  const [s0, c0] = RAMP[upper - 1]!;
  const [s1, c1] = RAMP[upper]!;
  const f = (s - s0) / (s1 - s0);
  const rgb = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
  const a = rgb(c0);
  const b = rgb(c1);
  return `#${a
    .map((x, i) =>
      Math.round(x + (b[i]! - x) * f)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * The legend's steps along the ramp, up to the largest figure `max`. Every measure the map is
 * shaded by counts whole things (events, deaths, threat scores), so the steps are whole numbers
 * near the ramp's stops ("0 · 8 · 19 · 31", not "0 · 7.8 · 19 · 31"), two significant figures
 * from 100 up, the largest as it is; a step that rounds onto its neighbour is left out, so they
 * increase. Each is shown in the colour an area with that figure gets.
 */
export function legendSteps(max: number): { value: number; colour: string; dark: boolean }[] {
  const top = Math.round(max);
  if (!(top > 0)) return [{ value: 0, colour: colourAt(0), dark: false }];
  const values: number[] = [];
  for (const [share] of RAMP) {
    const v = share === 1 ? top : roundStep(share * max);
    if ((values.length === 0 || v > values.at(-1)!) && (v < top || share === 1)) values.push(v);
  }
  return values.map((value) => ({ value, colour: colourAt(value / max), dark: value / max >= 0.6 }));
}

/** A step of the legend as a round figure: whole below 100, to two significant figures above. */
function roundStep(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}
