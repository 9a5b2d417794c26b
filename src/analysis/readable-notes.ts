import type { EvidenceEvent } from './evidence-events.ts';

/**
 * Who may read what: the analysis reads event notes (for driver suggestions) only where this says
 * so, and reports the non-public notes it read so the caller can log them.
 */
export interface NotesAccess {
  /**
   * Which of these events' notes the requester may read: their clearance, and for the mission's
   * own incidents their office (need-to-know), decided once for the whole set.
   */
  readRule(events: readonly EvidenceEvent[]): Promise<(e: EvidenceEvent) => boolean>;
  /** Called with the non-public events whose notes were read. */
  logRead?(events: readonly { id: number; sensitivity: string }[]): Promise<void>;
}

/** Notes of the events the requester may read, blank for the others; logs the sensitive reads. */
export async function readableNotes(
  events: readonly EvidenceEvent[],
  access: NotesAccess | undefined,
): Promise<string[]> {
  if (!access) return events.map((e) => e.notes);
  const mayRead = await access.readRule(events);
  const read: { id: number; sensitivity: string }[] = [];
  const notes = events.map((e) => {
    if (!mayRead(e)) return '';
    if (e.sensitivity !== 'public') read.push({ id: e.id, sensitivity: e.sensitivity });
    return e.notes;
  });
  if (read.length && access.logRead) await access.logRead(read);
  return notes;
}
