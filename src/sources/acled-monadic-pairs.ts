import type { ConflictEvent } from '../domain/conflict-event.ts';
import { deriveCivilianTargeting } from './civilian-targeting.ts';
import type { LinedEvent } from './event-row-reader.ts';

/**
 * The rows of an ACLED monadic export put back together. Such an export has one row per actor
 * (its `actor1`, `assoc_actor_1` and `inter1` columns only) and the same `event_id_cnty` on the
 * rows of one event; read as rows, the second would be set aside as a repeat and the other side of
 * every two-actor event (often its victims) lost. A row waits here until the other row of its
 * event arrives, and the two become one event: the row read first is the first actor, except that
 * civilians are always the second (ACLED's own rule in its dyadic files). A row whose pair never
 * comes (an event with one actor: a protest, a headquarters established) is handed on when the
 * file ends. A third row of the same id starts a new pair, which the import sets aside as a repeat.
 */
export class MonadicPairs {
  private readonly waiting = new Map<string, LinedEvent>();

  /**
   * @param columnSaysTargeting whether the export has ACLED's `civilian_targeting` column (its
   * value then holds for the event), or it is derived from the paired second actor.
   */
  constructor(private readonly columnSaysTargeting: boolean) {}

  /** The event completed by this row, or null while it waits for its pair. */
  add(line: number, event: ConflictEvent): LinedEvent | null {
    const first = this.waiting.get(event.sourceEventId);
    if (!first) {
      this.waiting.set(event.sourceEventId, { line, event });
      return null;
    }
    this.waiting.delete(event.sourceEventId);
    return { line: first.line, event: this.pair(first.event, event) };
  }

  /** The rows still waiting, in the order they were read. */
  rest(): LinedEvent[] {
    const out = [...this.waiting.values()];
    this.waiting.clear();
    return out;
  }

  private pair(a: ConflictEvent, b: ConflictEvent): ConflictEvent {
    const [one, two] = a.actor1Category === 'civilians' && b.actor1Category !== 'civilians' ? [b, a] : [a, b];
    const actor2Category = two.actor1Category;
    return {
      ...one,
      actor2: two.actor1,
      actor2Category,
      // The second row's own associated actors stand with the second side (a civilian row has none).
      actor2Associated: two.actor1Associated ?? [],
      targets: [...new Set([...one.targets, ...two.targets])],
      civilianTargeting: this.columnSaysTargeting
        ? one.civilianTargeting || two.civilianTargeting
        : deriveCivilianTargeting(one.violenceType, actor2Category),
    };
  }
}
