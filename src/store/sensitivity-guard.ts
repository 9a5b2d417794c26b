import { type Sensitivity, sensitivityRank } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';

/**
 * The rule every write of a stored event obeys: it never lowers the record's sensitivity (rows are
 * matched by source and source id, so a public re-export of the same ids must not make a
 * restricted record public), and it never changes a record above the writer's clearance (who may
 * not read a record in full may not rewrite it either). An import notes every stored record it
 * would change and, before anything is committed, refuses as a whole if any breaks the rule,
 * saying how many records and at which levels, so that nothing is half-written. A row set aside
 * at import holds its record's level as a stored event does (README, "highest sensitivity"): a
 * record whose id was set aside above the import's level is refused the same way, never written
 * lower (`allowsSetAside`).
 */
export class SensitivityGuard {
  private readonly aboveClearance = new Map<string, number>();
  private readonly lowered = new Map<string, number>();
  private readonly setAsideAboveClearance = new Map<string, number>();
  private readonly setAsideLowered = new Map<string, number>();
  private readonly namedAboveClearance = new Map<string, number>();

  constructor(
    /** The level the write gives its records. */
    readonly level: Sensitivity,
    /** The highest level the writer may read. */
    readonly clearance: Sensitivity,
  ) {}

  /** Whether changing a record stored at `stored` is allowed; refusals are tallied for `assertClear`. */
  allows(stored: string, records = 1): boolean {
    return this.tally(stored, records, this.aboveClearance, this.lowered);
  }

  /**
   * Whether a row may name a stored record it leaves as it is: not one above the writer's
   * clearance, or an import of the same values would confirm, unrefused and unlogged, a guess at
   * what the writer may not read. Refusals are tallied for `assertClear`.
   */
  mayName(stored: string, records = 1): boolean {
    if (sensitivityRank(stored) <= sensitivityRank(this.clearance)) return true;
    this.namedAboveClearance.set(stored, (this.namedAboveClearance.get(stored) ?? 0) + records);
    return false;
  }

  /**
   * Whether writing a record whose id was set aside at `level` is allowed: as for a stored record,
   * not above the writer's clearance and not below that level. Refusals are tallied apart, as
   * rows set aside, for `assertClear`.
   */
  allowsSetAside(level: string, rows = 1): boolean {
    return this.tally(level, rows, this.setAsideAboveClearance, this.setAsideLowered);
  }

  private tally(
    stored: string,
    n: number,
    above: Map<string, number>,
    lowered: Map<string, number>,
  ): boolean {
    const rank = sensitivityRank(stored);
    if (rank > sensitivityRank(this.clearance)) {
      above.set(stored, (above.get(stored) ?? 0) + n);
      return false;
    }
    if (rank > sensitivityRank(this.level)) {
      lowered.set(stored, (lowered.get(stored) ?? 0) + n);
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
    const above = this.aboveClearance.size + this.setAsideAboveClearance.size;
    const named = this.namedAboveClearance.size;
    const lowered = this.lowered.size + this.setAsideLowered.size;
    if (!above && !named && !lowered) return;
    const describe = (stored: Map<string, number>, setAside: Map<string, number>) =>
      [
        ...counted(stored, 'record', 'records', 'stored'),
        ...counted(setAside, 'row', 'rows', 'set aside'),
      ].join(' and ');
    const parts: string[] = [];
    if (above)
      parts.push(
        `it would change ${describe(this.aboveClearance, this.setAsideAboveClearance)}, above your clearance (${this.clearance}); only someone cleared for them may change them`,
      );
    if (named)
      parts.push(
        `its rows name ${counted(this.namedAboveClearance, 'record', 'records', 'stored').join(' and ')}, above your clearance (${this.clearance}); only someone cleared for them may import them`,
      );
    if (lowered)
      parts.push(
        `it would lower ${describe(this.lowered, this.setAsideLowered)} to ${this.level}; a record's sensitivity is never lowered, so import those rows apart, at their level or higher, to update them, or leave them out of this file (an export of Tandem's own holds every record you may read, at every level)`,
      );
    // Above one's clearance is a question of rights; lowering is a conflict with what is stored.
    const code = above || named ? 'forbidden' : 'conflict';
    throw new TandemError(code, `import refused, nothing was written: ${parts.join('; ')}`, {
      details: {
        aboveClearance: Object.fromEntries(this.aboveClearance),
        lowered: Object.fromEntries(this.lowered),
        setAsideAboveClearance: Object.fromEntries(this.setAsideAboveClearance),
        setAsideLowered: Object.fromEntries(this.setAsideLowered),
        namedAboveClearance: Object.fromEntries(this.namedAboveClearance),
        level: this.level,
        clearance: this.clearance,
      },
    });
  }
}

/** "3 records stored as restricted", one phrase per level, the highest first. */
function counted(m: Map<string, number>, one: string, many: string, how: string): string[] {
  return [...m]
    .sort(([a], [b]) => sensitivityRank(b) - sensitivityRank(a))
    .map(([level, n]) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many} ${how} as ${level}`);
}
