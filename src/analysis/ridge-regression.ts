/**
 * Weighted ridge regression by its normal equations, accumulated row by row so that a rolling
 * fit adds each month's rows once instead of refitting from scratch: X'WX and X'Wy are kept, can
 * be discounted (older rows count less), and solved by Cholesky. Column 0 is the intercept (a
 * constant 1) and is not penalised; every other coefficient's penalty is scaled by its column's
 * weighted variance, which is ridge on standardised columns: a column's unit (a log count, a share,
 * a sine) does not decide how hard it is shrunk. Small and dense on purpose: a forecast model here
 * has about twenty columns.
 */
export class RidgeAccumulator {
  readonly p: number;
  private readonly xtx: Float64Array;
  private readonly xty: Float64Array;
  private weight = 0;

  constructor(p: number) {
    this.p = p;
    this.xtx = new Float64Array(p * p);
    this.xty = new Float64Array(p);
  }

  /** Adds one row with its target and weight. */
  add(x: ArrayLike<number>, y: number, w = 1): void {
    const p = this.p;
    for (let i = 0; i < p; i++) {
      const wx = w * x[i]!;
      if (wx === 0) continue;
      this.xty[i]! += wx * y;
      const row = i * p;
      for (let j = 0; j <= i; j++) this.xtx[row + j]! += wx * x[j]!;
    }
    this.weight += w;
  }

  /** Multiplies every row's weight so far by `factor` (0 < factor ≤ 1). */
  discount(factor: number): void {
    for (let i = 0; i < this.xtx.length; i++) this.xtx[i]! *= factor;
    for (let i = 0; i < this.p; i++) this.xty[i]! *= factor;
    this.weight *= factor;
  }

  /** Total weight of the rows added, after discounting. */
  get totalWeight(): number {
    return this.weight;
  }

  /**
   * The coefficients minimising Σ w (y − xβ)² + λ W Σ_{j>0} var_j β_j², W the total weight and
   * var_j column j's weighted variance, or null before any row. λ is given per unit of weight, so
   * the penalty keeps its strength as the rows accumulate.
   */
  solve(lambda: number): Float64Array | null {
    const p = this.p;
    if (this.weight <= 0) return null;
    const a = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        const v = this.xtx[i * p + j]!;
        a[i * p + j] = v;
        a[j * p + i] = v;
      }
    for (let i = 1; i < p; i++) {
      // X'WX's column 0 holds each column's weighted sum, since column 0 is the constant 1.
      const m = this.xtx[i * p]! / this.weight;
      const variance = Math.max(0, this.xtx[i * p + i]! / this.weight - m * m);
      a[i * p + i]! += lambda * this.weight * variance;
    }
    // A tiny jitter keeps the factorisation defined when a column is all zeros so far.
    for (let i = 0; i < p; i++) a[i * p + i]! += 1e-9 * (1 + this.weight);
    return choleskySolve(a, this.xty, p);
  }
}

/** Solves A x = b for a symmetric positive-definite A (row-major, p × p). */
export function choleskySolve(a: Float64Array, b: ArrayLike<number>, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * p + j]!;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * z[k]!;
    z[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}
