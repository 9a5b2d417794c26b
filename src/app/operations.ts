import { agreementOperations } from './agreement-operations.ts';
import { agreementReviewDocumentOperations } from './agreement-review-document-operations.ts';
import { alertOperations } from './alert-operations.ts';
import { analysisOperations } from './analysis-operations.ts';
import { areaOperations } from './area-operations.ts';
import { boundaryOperations } from './boundary-operations.ts';
import { evidenceOperations } from './evidence-operations.ts';
import { exportOperations } from './export-operations.ts';
import { forecastOperations } from './forecast-operations.ts';
import { frictionOperations } from './friction-operations.ts';
import { incidentEditOperations } from './incident-edit.ts';
import { incidentOperations } from './incident-operations.ts';
import { localProcessOperations } from './local-process-operations.ts';
import { negotiationListOperations } from './negotiation-list-operations.ts';
import { negotiationOperations } from './negotiation-operations.ts';
import { participantCareOperations } from './participant-care-operations.ts';
import { participantOperations } from './participant-operations.ts';
import { participationCheckOperations } from './participation-check-operation.ts';
import { planAcknowledgementOperations } from './plan-acknowledgement-operations.ts';
import { planOperations } from './plan-operations.ts';
import { pullOperations } from './pull-operations.ts';
import { recordPageOperations } from './record-page-operations.ts';
import { securityOperations } from './security-operations.ts';
import { workbenchOperations } from './workbench-operations.ts';

/**
 * The table of everything Tandem does. The CLI, the HTTP API and the web workbench are thin
 * clients of it. Each feature keeps its operations in its own file and adds them here. The account
 * operations (user-operations.ts) are left out on purpose: they are for the command line only.
 */
export const operations = {
  ...analysisOperations,
  ...alertOperations,
  ...agreementOperations,
  ...agreementReviewDocumentOperations,
  ...evidenceOperations,
  ...exportOperations,
  ...planOperations,
  ...planAcknowledgementOperations,
  ...negotiationOperations,
  ...negotiationListOperations,
  ...areaOperations,
  ...boundaryOperations,
  ...workbenchOperations,
  ...incidentOperations,
  ...incidentEditOperations,
  ...localProcessOperations,
  ...participantOperations,
  ...participationCheckOperations,
  ...participantCareOperations,
  ...frictionOperations,
  ...securityOperations,
  ...pullOperations,
  ...forecastOperations,
  ...recordPageOperations,
};

export type OperationName = keyof typeof operations;
