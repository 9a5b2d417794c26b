import { createWriteStream } from 'node:fs';

/** A small seeded generator (mulberry32), so every run writes the same file. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES: [string, string, number, string[]][] = [
  [
    'Northland',
    'BNN',
    901,
    ['Amber', 'Basalt', 'Cedar', 'Delta', 'Ember', 'Flint', 'Garnet', 'Harbor', 'Iris', 'Jade'],
  ],
  ['Southland', 'BNS', 902, ['Kestrel', 'Lagoon', 'Meadow', 'Nettle', 'Oasis', 'Pine', 'Quarry', 'Ridge']],
];
const TYPES: [string, string, number][] = [
  ['Battles', 'Armed clash', 0.35],
  ['Violence against civilians', 'Attack', 0.3],
  ['Explosions/Remote violence', 'Air/drone strike', 0.1],
  ['Protests', 'Peaceful protest', 0.12],
  ['Riots', 'Mob violence', 0.06],
  ['Strategic developments', 'Arrests', 0.07],
];
const ACTORS: [string, number][] = [
  ['Benchland Army', 1],
  ['BLM Rebels', 2],
  ['Youth Militia', 3],
  ['Hill Militia', 4],
  ['Rioters', 5],
  ['Protesters', 6],
  ['Civilians', 7],
  ['RIF', 8],
];
const WORDS =
  'cattle raid village attacked market burned soldiers clashed rebels killed displaced election land dispute checkpoint convoy ambush'.split(
    ' ',
  );
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const HEADER =
  'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3';

export interface GenerateAcledOptions {
  /**
   * Notes of several sentences, as a mission's own reports and ACLED's longer entries have
   * (about 390 bytes a row instead of 230): the import's cost grows with the bytes of text.
   */
  longNotes?: boolean;
}

/**
 * A longer note: what happened, where, to whom, and the source's caveats. Its words come from a
 * generator of their own, so the rows are otherwise the same as with short notes.
 */
function longNote(r: () => number, short: string, area: string, fat: number): string {
  const w = () => WORDS[Math.floor(r() * WORDS.length)];
  return (
    `${short}. Reported near ${area} after ${w()} ${w()}; sources said ${fat} people were ` +
    `killed and others ${w()}. Figures are provisional; the monitor is verifying ${w()} reports.`
  );
}

/**
 * Writes `rows` ACLED-shaped rows (the older export, as in the South Sudan sample: worded dates,
 * numeric inter codes) with a seeded model: areas with their own rates, a few escalations, state
 * forces among the perpetrators. About 190 bytes a row.
 */
export async function generateAcled(
  path: string,
  rows: number,
  seed = 7,
  options: GenerateAcledOptions = {},
): Promise<void> {
  const r = rng(seed);
  const longWords = options.longNotes ? rng(seed + 1) : null;
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((res) => out.once('drain', () => res()));
  await write(`${HEADER}\n`);
  const start = Date.UTC(2015, 0, 1);
  const days = 365 * 8;
  let buf: string[] = [];
  for (let i = 0; i < rows; i++) {
    const [country, iso3, iso, areas] = COUNTRIES[r() < 0.6 ? 0 : 1];
    const area = areas[Math.floor(r() ** 1.6 * areas.length)];
    let x = r();
    let t = TYPES[0];
    for (const ty of TYPES) {
      if (x < ty[2]) {
        t = ty;
        break;
      }
      x -= ty[2];
    }
    // Escalations: later years and the first areas see more events.
    const d = new Date(start + Math.floor(r() ** 0.8 * days) * 86400000);
    const a1 = t[0] === 'Violence against civilians' && r() < 0.4 ? ACTORS[0] : ACTORS[Math.floor(r() * 4)];
    const a2 =
      t[0] === 'Violence against civilians'
        ? ACTORS[6]
        : t[0] === 'Battles'
          ? ACTORS[1 + Math.floor(r() * 3)]
          : (['', 0] as [string, number]);
    const fat = t[0] === 'Protests' ? 0 : Math.floor(-Math.log(1 - r()) * 3);
    const short = `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} at ${area}; ${fat} killed`;
    const notes = longWords ? longNote(longWords, short, area, fat) : short;
    const lat = (4 + r() * 8).toFixed(4);
    const lon = (25 + r() * 8).toFixed(4);
    buf.push(
      `${i + 1},${iso},${iso3}${i + 1},${i + 1},${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()},${d.getUTCFullYear()},1,${t[0]},${t[1]},${a1[0]},,${a1[1]},${a2[0]},,${a2[1]},${a1[1] * 10 + Number(a2[1])},E Africa,${country},${area},${area} W,,${area},${lat},${lon},1,BW,National,"${notes}",${fat},1572403723,${iso3}\n`,
    );
    if (buf.length === 5000) {
      await write(buf.join(''));
      buf = [];
    }
  }
  await write(buf.join(''));
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}
