/**
 * Simulated quiet series of monthly deaths with the field's heavy tail: a month's events are
 * Poisson, each event's deaths a discrete Pareto (tail index `alpha`: most events kill few, a
 * rare one kills hundreds). Stationary, so every alarm raised on such a series is a false alarm.
 * Seeded, so the same series come back on every run (tests and bench/alert-calibration.ts).
 */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

function poisson(mu: number, rnd: () => number): number {
  const l = Math.exp(-mu);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}

export interface QuietDeaths {
  /** Monthly deaths. */
  deaths: number[];
  /** The deadliest event of each month (0 when none). */
  largest: number[];
}

/** `months` months of deaths from `eventsPerMonth` events a month, deaths per event Pareto(alpha) from 0. */
export function quietDeaths(
  months: number,
  eventsPerMonth: number,
  alpha: number,
  seed: number,
): QuietDeaths {
  const rnd = lcg(seed);
  const deaths: number[] = [];
  const largest: number[] = [];
  for (let m = 0; m < months; m++) {
    const n = poisson(eventsPerMonth, rnd);
    let sum = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.floor(rnd() ** (-1 / alpha)) - 1;
      sum += d;
      max = Math.max(max, d);
    }
    deaths.push(sum);
    largest.push(max);
  }
  return { deaths, largest };
}
