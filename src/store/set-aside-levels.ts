import type { Kysely } from 'kysely';
import type { ReadProblem } from '../domain/read-problem.ts';
import { SENSITIVITY_LEVELS, type Sensitivity, sensitivityRank } from '../domain/sensitivity.ts';
import { COL } from './event-columns.ts';
import type { PackedRows, RowUnpacker } from './packed-rows.ts';
import type { Database } from './schema.ts';
import type { SensitivityGuard } from './sensitivity-guard.ts';

// The levels of rows an event import sets aside, and the refusal of a row whose record was set
// aside before at a higher level: a row keeps the highest level its record has held.

/** A record a row set aside may stand for: its source and source id. */
export interface SetAsideKey {
  source: string;
  id: string;
}

/** The sources Tandem's own export names in its first column, its second being the source id. */
const EXPORT_SOURCES = new Set(['acled', 'ucdp', 'hxl', 'mission']);
/** An id in a row kept as JSON: a row repeating an id, a GeoJSON feature, a row of an API. */
const JSON_ID = /"(sourceEventId|event_id_cnty|id)"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+))/g;
/** Days and coordinates, which share a letter and a digit with ids but are none. */
const NOT_AN_ID = [
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/,
  /^\d{4}-\d{2}-\d{2}[T ]/,
  /^\d{1,2}[-/ .]?\p{L}{3,9}\.?[-/ .]?\d{2,4}$/u,
  /^[-+]?\d+(?:[.,]\d+)?°?[NSEWnsew]$/,
];

/**
 * The records a row set aside may stand for. The problems table keeps the row as it was read,
 * not which of its fields is the id (a row that could not be read may have its id anywhere), so
 * the id is told from the row: the id a row repeating an id names, the id of a row kept as JSON
 * (a GeoJSON feature, a row of an API), the source and id of a row of Tandem's own export; for
 * any other row its first field (where GED, ACLED's exports and most mission sheets put the id)
 * and every field that looks like an id (a letter and a digit, no space, not a day). A field
 * taken for an id that is none can only raise a row's level, never lower it.
 */
export function setAsideKeys(raw: string | null | undefined, format: string): SetAsideKey[] {
  if (!raw) return [];
  const cut = raw.endsWith('…');
  const text = cut ? raw.slice(0, -1) : raw;
  if (/^\s*[{[]/.test(text)) {
    const source = /"source"\s*:\s*"([^"\\]*)"/.exec(text)?.[1];
    const keys: SetAsideKey[] = [];
    for (const m of text.matchAll(JSON_ID)) {
      const id = m[2] !== undefined ? jsonString(m[2]) : m[3];
      if (id) keys.push({ source: (m[1] === 'sourceEventId' && source) || format, id });
    }
    return keys;
  }
  const fields = text.split(/[,;\t|]/).map((f) => f.trim());
  // A row cut short at 2,000 characters: its last field is not whole.
  if (cut) fields.pop();
  if (fields.length > 1 && EXPORT_SOURCES.has(fields[0]) && fields[1])
    return [{ source: fields[0], id: fields[1] }];
  const ids = new Set<string>();
  if (fields[0] && !NOT_AN_ID.some((re) => re.test(fields[0]))) ids.add(fields[0]);
  for (const f of fields) {
    if (
      f.length <= 100 &&
      /\d/.test(f) &&
      /\p{L}/u.test(f) &&
      !/\s/.test(f) &&
      !NOT_AN_ID.some((re) => re.test(f))
    )
      ids.add(f);
  }
  return [...ids].map((id) => ({ source: format, id }));
}

function jsonString(s: string): string {
  try {
    return JSON.parse(`"${s}"`);
  } catch {
    return s;
  }
}

const keyOf = (k: SetAsideKey) => `${k.source}\u0000${k.id}`;

/**
 * The levels rows set aside hold, for one import at one level: a row set aside takes the highest
 * of the import's level, the level of the stored event of its source id and the level of any row
 * set aside before for it; and a row the import would write whose id was set aside above the
 * import's level is refused as a lowering is (SensitivityGuard.allowsSetAside).
 */
export class SetAsideLevels {
  /** Rows set aside before this import above its level: their records' keys and highest rank. */
  private earlier?: Promise<{ ranks: Map<string, number>; sources: Set<string> }>;
  private readonly rank: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly level: Sensitivity,
  ) {
    this.rank = sensitivityRank(level);
  }

  /** The import's level and those below it: what a stored row at them never raises. */
  private get notAbove(): Sensitivity[] {
    return SENSITIVITY_LEVELS.slice(0, this.rank + 1);
  }

  private get top(): boolean {
    return this.rank >= SENSITIVITY_LEVELS.length - 1;
  }

  /** Loaded once, before this import sets any row aside (EventImport.beginFile). */
  earlierRows(): Promise<{ ranks: Map<string, number>; sources: Set<string> }> {
    this.earlier ??= (async () => {
      const out = new Map<string, number>();
      const sources = new Set<string>();
      if (this.top) return { ranks: out, sources };
      const rows = await this.db
        .selectFrom('problems')
        .innerJoin('imports', 'imports.id', 'problems.import_id')
        .select(['problems.raw', 'problems.sensitivity', 'imports.format'])
        .where('problems.sensitivity', 'not in', this.notAbove)
        .where('problems.raw', 'is not', null)
        .execute();
      for (const r of rows) {
        const rank = sensitivityRank(r.sensitivity);
        for (const k of setAsideKeys(r.raw, r.format)) {
          const key = keyOf(k);
          if ((out.get(key) ?? -1) < rank) out.set(key, rank);
          sources.add(k.source);
        }
      }
      return { ranks: out, sources };
    })();
    return this.earlier;
  }

  /** Tallies in `guard` every row of the batch whose id was set aside above the import's level. */
  async checkRows(unpacker: RowUnpacker, packed: PackedRows, guard: SensitivityGuard): Promise<void> {
    if (!packed.count || this.top) return;
    const { ranks: earlier, sources } = await this.earlierRows();
    if (!earlier.size) return;
    for (let i = 0; i < packed.count; i++) {
      const source = unpacker.source(packed, i);
      if (!sources.has(source)) continue;
      const id = unpacker.row(packed, i)[COL.source_event_id] as string;
      const rank = earlier.get(keyOf({ source, id }));
      if (rank !== undefined) guard.allowsSetAside(SENSITIVITY_LEVELS[rank]);
    }
  }

  /** The level each of `problems` is stored at. */
  async levelsOf(format: string, problems: readonly ReadProblem[]): Promise<Sensitivity[]> {
    if (this.top) return problems.map(() => this.level);
    const keys = problems.map((p) => setAsideKeys(p.raw, format));
    const { ranks: earlier } = await this.earlierRows();
    const stored = await this.storedRanks(keys.flat());
    return keys.map((ks) => {
      let rank = this.rank;
      for (const k of ks) rank = Math.max(rank, earlier.get(keyOf(k)) ?? -1, stored.get(keyOf(k)) ?? -1);
      return SENSITIVITY_LEVELS[rank];
    });
  }

  /** The rank of each stored event among `keys` that is above the import's level. */
  private async storedRanks(keys: readonly SetAsideKey[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const bySource = new Map<string, Set<string>>();
    for (const k of keys) {
      const ids = bySource.get(k.source) ?? new Set<string>();
      ids.add(k.id);
      bySource.set(k.source, ids);
    }
    for (const [source, set] of bySource) {
      const ids = [...set];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await this.db
          .selectFrom('events')
          .select(['source_event_id', 'sensitivity'])
          .where('source', '=', source)
          .where('source_event_id', 'in', ids.slice(i, i + 500))
          .where('sensitivity', 'not in', this.notAbove)
          .execute();
        for (const r of rows) {
          const key = keyOf({ source, id: r.source_event_id });
          out.set(key, Math.max(out.get(key) ?? -1, sensitivityRank(r.sensitivity)));
        }
      }
    }
    return out;
  }
}
