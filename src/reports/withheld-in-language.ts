import { WITHHELD_KEY } from '../store/hidden-records.ts';
import type { Block, Cell, Section } from './brief-model.ts';

/**
 * The marker of a name withheld from the reader ("(withheld)", as the analysis carries it), said in
 * the brief's language wherever a section holds it: a French brief had read "Civils…, (withheld)".
 */
export function withheldInLanguage(section: Section, word: string): Section {
  if (word === WITHHELD_KEY) return section;
  const say = (text: string) => (text.includes(WITHHELD_KEY) ? text.split(WITHHELD_KEY).join(word) : text);
  const cell = (c: Cell): Cell => (typeof c === 'string' ? say(c) : c);
  return {
    ...section,
    blocks: section.blocks.map((b): Block => {
      switch (b.kind) {
        case 'p':
        case 'counted':
          return { ...b, text: say(b.text) };
        case 'list':
          return { ...b, items: b.items.map(say) };
        case 'table':
          return { ...b, rows: b.rows.map((r) => r.map(cell)) };
        default:
          return b;
      }
    }),
  };
}
