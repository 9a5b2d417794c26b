import type { NamedPoint } from '../analysis/area-match-by-points.ts';
import { shapeFinder } from '../analysis/point-in-area.ts';
import { areaNamesAlike, normalizeAreaName } from '../domain/area-names.ts';

type Geometry = { type: string; coordinates: unknown };

/** Of a data area's located events, the share a shape must hold, and how many, to cover the area. */
const COVERED_SHARE = 0.5;
const COVERED_MIN = 3;

/**
 * The shapes of a boundary file that are older or coarser units than the event data's admin-1
 * areas: DR Congo's Natural Earth "Orientale", one of the eleven provinces before the 2015 split
 * into twenty-six, holds the events of the data's Ituri, Haut-Uele and Tshopo. Such a shape is not
 * any one of them, whatever share of the events one of them makes, and must not be stored as it.
 *
 * A shape is coarser when it is paired with no data name, or only by where the events lie (not by
 * its name), when most of the events of two or more of the data's areas (grouped by normalised
 * name, so "Nord-Kivu" and "Nord Kivu" are one) lie inside it, at least three each, and its name
 * is alike none of theirs (a "Timbuktu" holding the data's Tombouctou and the newer Taoudeni is
 * Tombouctou drawn with its old extent). Areas already paired with another shape do not count:
 * border events that fall on the wrong side are not a second area.
 *
 * Once one shape shows the file to be drawn before a split, a shape paired with a single area only
 * by its events, under a name unlike it, is no more trusted: old Katanga holds the data's
 * Tanganyika, the only one of its four successors with events. It is reported as covering that
 * area as well.
 *
 * A shape paired by a spelling only alike its own (Natural Earth's "Katanga" and the data's
 * "Haut-Katanga", one of its successors) is re-read too: when it holds most of the events of two or
 * more of the data's areas, it is coarser, not that area, if its partner is not the one with most
 * events inside it (Tanganyika is), or if its partner's name is its own with a word added
 * ("Haut-Katanga", "North Kivu": a part named after the whole it was cut from), whichever has more
 * events. A "Timbuktu" paired with "Tombouctou" is the same name in another language, and stands.
 *
 * `paired` holds each shape's data name (null when none), `byPoints` the shapes paired only by the
 * events inside them, `alikeOnly` those paired by a spelling alike but not equal to theirs.
 * Returns shape index → the data's areas it covers (their most-used spelling), most events first.
 */
export function coarserShapes(
  shapes: readonly { name: string; geometry: Geometry }[],
  points: readonly NamedPoint[],
  paired: readonly (string | null)[],
  byPoints: ReadonlySet<number>,
  alikeOnly: ReadonlySet<number> = new Set(),
): Map<number, string[]> {
  const group = (name: string) => normalizeAreaName(name) || name;
  const owner = new Map<string, number>();
  for (const [i, name] of paired.entries()) if (name) owner.set(group(name), i);
  const shapeOf = shapeFinder(shapes);
  const total = new Map<string, number>();
  const inside = new Map<number, Map<string, number>>();
  const spellings = new Map<string, Map<string, number>>();
  for (const p of points) {
    const g = group(p.admin1);
    total.set(g, (total.get(g) ?? 0) + 1);
    const bySpelling = spellings.get(g) ?? new Map<string, number>();
    bySpelling.set(p.admin1, (bySpelling.get(p.admin1) ?? 0) + 1);
    spellings.set(g, bySpelling);
    const i = shapeOf(p.latitude, p.longitude);
    if (i === -1) continue;
    const counts = inside.get(i) ?? new Map<string, number>();
    counts.set(g, (counts.get(g) ?? 0) + 1);
    inside.set(i, counts);
  }
  const spelled = (g: string) =>
    [...(spellings.get(g) ?? new Map<string, number>())].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0]![0];
  const alike = (shape: string, g: string) =>
    [...(spellings.get(g)?.keys() ?? [])].some((name) => areaNamesAlike(shape, name));
  const covered = new Map<number, string[]>();
  for (const [i, s] of shapes.entries()) {
    if (paired[i] && !byPoints.has(i) && !alikeOnly.has(i)) continue;
    const groups = [...(inside.get(i) ?? new Map<string, number>())]
      .filter(([g, n]) => {
        const o = owner.get(g);
        return n >= COVERED_MIN && n / total.get(g)! >= COVERED_SHARE && (o === undefined || o === i);
      })
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([g]) => g);
    const misnamed =
      alikeOnly.has(i) &&
      !byPoints.has(i) &&
      groups.length >= 2 &&
      (groups[0] !== group(paired[i]!) || successorOf(s.name, paired[i]!));
    if (misnamed || (groups.length && !groups.some((g) => alike(s.name, g)))) covered.set(i, groups);
  }
  const out = new Map<number, string[]>();
  for (const [i, groups] of covered) if (groups.length >= 2) out.set(i, groups.map(spelled));
  if (!out.size) return out;
  for (const [i, groups] of covered)
    if (groups.length === 1 && byPoints.has(i) && group(paired[i]!) === groups[0])
      out.set(i, groups.map(spelled));
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** Whether a data area's name is a shape's with words added: "Haut-Katanga" of "Katanga". */
function successorOf(shape: string, data: string): boolean {
  const whole = ` ${normalizeAreaName(shape)} `;
  const part = ` ${normalizeAreaName(data)} `;
  return whole.trim() !== '' && part !== whole && part.includes(whole);
}
