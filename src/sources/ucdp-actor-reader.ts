import Papa from 'papaparse';
import type { ActorCategory } from '../domain/actor-category.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { inspectTextFile, readAllText } from './text-file.ts';

/** One actor of the UCDP actor list, as Tandem's register needs it. */
export interface UcdpActor {
  /** The name as GED spells it in `side_a`/`side_b` (`NameData`). */
  name: string;
  ucdpId: string;
  /**
   * The category UCDP's own coding gives: a formally organised group is a rebel group, supporters
   * of a party a political militia, an identity group an identity militia. Null for governments:
   * whether a government is the host state's forces or an external force depends on the country
   * of the event, which the importer decides.
   */
  category: ActorCategory | null;
  government: boolean;
  /** Other names UCDP records for the actor (original, full, English, new name). */
  aliases: string[];
  location: string;
}

export interface UcdpActorList {
  actors: UcdpActor[];
  problems: ReadProblem[];
}

// UCDP's `Org` codes (actor dataset codebook): 1 formally organised group, 2 informally organised
// supporters of a political party or candidate, 3 informally organised identity group, 4 government.
const BY_ORG: Record<string, ActorCategory | null> = {
  '1': 'rebel-group',
  '2': 'political-militia',
  '3': 'identity-militia',
  '4': null,
};

const REQUIRED = ['ActorId', 'NameData', 'Org'];
const ALIAS_COLUMNS = ['NameOrig', 'NameOrigFull', 'NameOrigFullEng', 'NewName', 'NewNameFullEng'];

/**
 * Reads a UCDP actor list (CSV, as UCDP publishes it, with or without a byte-order mark). Rows
 * without a name or with an `Org` code outside 1–4 are set aside with their line and reason.
 */
export async function readUcdpActorList(path: string): Promise<UcdpActorList> {
  const text = await readAllText(await inspectTextFile(path));
  const header = Papa.parse<string[]>(text, { preview: 1 }).data[0] ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new TandemError(
      'unknown-format',
      `${path}:1: not a UCDP actor list: no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} in the header (expected ${REQUIRED.join(', ')})`,
    );
  }
  const actors: UcdpActor[] = [];
  const problems: ReadProblem[] = [];
  let columns: string[] | null = null;
  // Line numbers follow newlines, quoted ones included: count them up to where each row begins.
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  let rowStart = 0;
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    step: (result) => {
      columns ??= result.meta.fields ?? [];
      // The first row begins after the header line; each later one after the previous row's end.
      const at = rowStart || text.indexOf('\n') + 1;
      rowStart = result.meta.cursor;
      while (text.charCodeAt(rowStart) === 13 || text.charCodeAt(rowStart) === 10) rowStart++;
      const here = lineAt(at);
      const problem = (field: string, reason: string) =>
        problems.push({ file: path, line: here, column: columns!.indexOf(field) + 1, field, reason });
      for (const e of result.errors) problems.push({ file: path, line: here, column: 0, reason: e.message });
      const row = result.data;
      const name = (row.NameData ?? '').trim();
      const org = (row.Org ?? '').trim();
      if (!name) return problem('NameData', 'no actor name');
      if (!Object.hasOwn(BY_ORG, org))
        return problem('Org', `organisation type "${org}" is not one of 1, 2, 3, 4`);
      const aliases = new Set(
        ALIAS_COLUMNS.map((c) => (row[c] ?? '').trim()).filter((a) => a && a !== 'n/a' && a !== name),
      );
      actors.push({
        name,
        ucdpId: (row.ActorId ?? '').trim(),
        category: BY_ORG[org]!,
        government: org === '4',
        aliases: [...aliases],
        location: (row.Location ?? '').trim(),
      });
    },
  });
  return { actors, problems };
}
