import { type Sensitivity, sensitivityRank } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';

/**
 * The rule every write of a stored event obeys: it never lowers the record's sensitivity (rows are
 * matched by source and source id, so a public re-export of the same ids must not make a
 * restricted record public), and it never changes a record above the writer's clearance (who may
 * not read a record in full may not rewrite it either). An import notes every stored record it
 * would change and, before anything is committed, refuses as a whole if any breaks the rule,
 * saying how many records and at which levels, so that nothing is half-written.
 */
export class SensitivityGuard {
  private readonly aboveClearance = new Map<string, number>();
  private readonly lowered = new Map<string, number>();

  constructor(
    /** The level the write gives its records. */
    readonly level: Sensitivity,
    /** The highest level the writer may read. */
    readonly clearance: Sensitivity,
  ) {}

  /** Whether changing a record stored at `stored` is allowed; refusals are tallied for `assertClear`. */
  allows(stored: string, records = 1): boolean {
    const rank = sensitivityRank(stored);
    if (rank > sensitivityRank(this.clearance)) {
      this.aboveClearance.set(stored, (this.aboveClearance.get(stored) ?? 0) + records);
      return false;
    }
    if (rank > sensitivityRank(this.level)) {
      this.lowered.set(stored, (this.lowered.get(stored) ?? 0) + records);
      return false;
    }
    return true;
  }

  /** The levels above which a stored record may not be changed: the lower of level and clearance. */
  get highestChangeable(): Sensitivity {
    return sensitivityRank(this.level) <= sensitivityRank(this.clearance) ? this.level : this.clearance;
  }

  /** Throws, naming the records and levels, when any change was refused. */
  assertClear(): void {
    if (!this.aboveClearance.size && !this.lowered.size) return;
    const describe = (m: Map<string, number>) =>
      [...m]
        .sort(([a], [b]) => sensitivityRank(b) - sensitivityRank(a))
        .map(
          ([level, n]) => `${n.toLocaleString('en-US')} ${n === 1 ? 'record' : 'records'} stored as ${level}`,
        )
        .join(' and ');
    const parts: string[] = [];
    if (this.aboveClearance.size)
      parts.push(
        `it would change ${describe(this.aboveClearance)}, above your clearance (${this.clearance}); only someone cleared for them may change them`,
      );
    if (this.lowered.size)
      parts.push(
        `it would lower ${describe(this.lowered)} to ${this.level}; a record's sensitivity is never lowered, so import the file at the records' level or higher to update them`,
      );
    // Above one's clearance is a question of rights; lowering is a conflict with what is stored.
    const code = this.aboveClearance.size ? 'forbidden' : 'conflict';
    throw new TandemError(code, `import refused, nothing was written: ${parts.join('; ')}`, {
      details: {
        aboveClearance: Object.fromEntries(this.aboveClearance),
        lowered: Object.fromEntries(this.lowered),
        level: this.level,
        clearance: this.clearance,
      },
    });
  }
}
