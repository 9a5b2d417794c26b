import { z } from 'zod';
import { MEASURE_STATUSES } from '../domain/participant.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { appendAudit } from '../security/audit-chain.ts';
import {
  eraseParticipantRecord,
  findParticipants,
  setMeasureStatus,
} from '../store/participant-repository.ts';
import { mayReadInFull } from './access-control.ts';
import { isoDate } from './event-filter-input.ts';
import { numberInput, recordIdInput } from './number-input.ts';
import { type AppContext, defineOperation } from './operation.ts';

// Keeping the protection–participation register true: a person erased when keeping them endangers
// them or they withdraw their consent, and a protective measure moved on as it is put in place.

/**
 * The participant `id`, where the requester may read them in full (cleared for the record and of
 * its office): anyone else is answered as if there were none, so that a guessed id tells nothing.
 */
async function participantInReach(ctx: AppContext, id: number) {
  const [record] = await findParticipants(ctx.store.db, { id });
  if (!record || !mayReadInFull(ctx.requester, record.row))
    throw new TandemError('not-found', `no participant ${id} that you may read in full`);
  return record;
}

export const participantCareOperations = {
  eraseParticipant: defineOperation({
    writes: true,
    summary:
      'Erase a person or group from the protection–participation register, with the reason (consent withdrawn, keeping them endangers them): the record and its links are deleted; the audit chain keeps only its id, office and the reason.',
    input: z.object({
      id: recordIdInput(),
      reason: z.string().trim().min(1, 'say why the record is erased (consent withdrawn, …)'),
    }),
    async run(ctx, input): Promise<{ id: number; erased: true }> {
      const { row } = await participantInReach(ctx, input.id);
      await ctx.store.db.transaction().execute(async (trx) => {
        await eraseParticipantRecord(trx, input.id);
        await appendAudit(
          trx,
          [
            {
              actor: ctx.requester.name,
              action: 'erased',
              recordKind: 'participant',
              recordId: String(input.id),
              sensitivity: row.sensitivity,
              detail: { office: row.office, reason: input.reason },
            },
          ],
          { inTransaction: true },
        );
      });
      return { id: input.id, erased: true };
    },
  }),

  setParticipantMeasure: defineOperation({
    writes: true,
    summary:
      "Move a participant's protective measure on: its status (planned, in-place, lapsed, closed) and, if given, its next review date. Audited.",
    input: z.object({
      id: recordIdInput(),
      /** The measure's place in the participant's list, from 1, as the register shows it. */
      measure: numberInput(z.number().int().min(1, 'measures are numbered from 1')),
      status: z.enum(MEASURE_STATUSES),
      reviewOn: isoDate.nullable().optional(),
    }),
    async run(ctx, input): Promise<{ id: number; measure: number; status: string }> {
      const { row } = await participantInReach(ctx, input.id);
      const changed = await setMeasureStatus(ctx.store.db, input.id, input.measure - 1, {
        status: input.status,
        reviewOn: input.reviewOn,
      });
      if (!changed)
        throw new TandemError(
          'bad-input',
          `measure: participant ${input.id} has no measure ${input.measure}`,
          {
            details: { issues: [{ path: 'measure', message: 'no such measure' }] },
          },
        );
      await appendAudit(ctx.store.db, [
        {
          actor: ctx.requester.name,
          action: 'changed',
          recordKind: 'participant',
          recordId: String(input.id),
          sensitivity: row.sensitivity,
          detail: { measure: input.measure, status: input.status },
        },
      ]);
      return { id: input.id, measure: input.measure, status: input.status };
    },
  }),
};
