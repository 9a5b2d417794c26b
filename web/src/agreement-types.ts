import type { OperationResult } from './operation-types.ts';

/** `GET /api/agreements` (listAgreements): the corpus with each agreement's coverage. */
export type AgreementList = OperationResult<'listAgreements'>;

/** `POST /api/ops/reviewAgreement`: coded provisions, coverage and gaps of an uploaded text. */
export type ReviewAnswer = OperationResult<'reviewAgreement'>;
/** `GET /api/agreements/review` (reviewStoredAgreement): the same review of a stored agreement. */
export type StoredReviewAnswer = OperationResult<'reviewStoredAgreement'>;

export type Provision = ReviewAnswer['provisions'][number];
export type ProvisionCode = Provision['codes'][number];
export type Gap = ReviewAnswer['gaps'][number];
