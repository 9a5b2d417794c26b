import type { Migration } from 'kysely';
import * as evidence from './001-evidence.ts';
import * as agreements from './002-agreements.ts';
import * as plans from './003-plans.ts';
import * as analysis from './004-analysis.ts';
import * as negotiationProcesses from './006-negotiation-processes.ts';
import * as sensitivity from './007-sensitivity.ts';
import * as eventsByImport from './008-events-by-import.ts';
import * as areaMonthCounts from './009-area-month-counts.ts';
import * as userAccounts from './010-user-accounts.ts';
import * as dropEventsImportIndex from './011-drop-events-import-index.ts';
import * as problemSensitivity from './012-problem-sensitivity.ts';
import * as userSessions from './013-user-sessions.ts';
import * as sensitiveEventsIndex from './014-sensitive-events-index.ts';
import * as auditLogAndKeys from './015-audit-log-and-keys.ts';
import * as accountPasswordsAndOffices from './016-account-passwords-and-offices.ts';
import * as incidents from './017-incidents.ts';
import * as incidentChanges from './018-incident-changes.ts';
import * as localProcesses from './019-local-processes.ts';
import * as participants from './020-participants.ts';
import * as eventTargets from './022-event-targets.ts';
import * as frictionRegister from './023-friction-register.ts';
import * as sourcePulls from './024-source-pulls.ts';
import * as localProcessSensitivity from './025-local-process-sensitivity.ts';
import * as categoriesByPeriod from './026-categories-by-period.ts';
import * as periodAndMassCasualtyIndexes from './027-period-and-mass-casualty-indexes.ts';
import * as areaMonthCountIndex from './028-area-month-count-index.ts';
import * as actorCountsOncePerEvent from './029-actor-counts-once-per-event.ts';
import * as countryCounts from './030-country-counts.ts';
import * as storeRevisions from './031-store-revisions.ts';
import * as associatedActors from './032-associated-actors.ts';
import * as agreementLanguage from './033-agreement-language.ts';
import * as agreementTextKey from './034-agreement-text-key.ts';
import * as threatHarmKinds from './035-threat-harm-kinds.ts';
import * as agreementProvisionCount from './036-agreement-provision-count.ts';
import * as threatKeyNotUnique from './037-threat-key-not-unique.ts';
import * as driverTagDisputes from './038-driver-tag-disputes.ts';

/**
 * Every migration, in order. Migrations are additive: a released one is never edited; a change
 * to the schema is a new file here.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-evidence': evidence,
  '002-agreements': agreements,
  '003-plans': plans,
  '004-analysis': analysis,
  '006-negotiation-processes': negotiationProcesses,
  '007-sensitivity': sensitivity,
  '008-events-by-import': eventsByImport,
  '009-area-month-counts': areaMonthCounts,
  '010-user-accounts': userAccounts,
  '011-drop-events-import-index': dropEventsImportIndex,
  '012-problem-sensitivity': problemSensitivity,
  '013-user-sessions': userSessions,
  '014-sensitive-events-index': sensitiveEventsIndex,
  '015-audit-log-and-keys': auditLogAndKeys,
  '016-account-passwords-and-offices': accountPasswordsAndOffices,
  '017-incidents': incidents,
  '018-incident-changes': incidentChanges,
  '024-source-pulls': sourcePulls,
  '019-local-processes': localProcesses,
  '020-participants': participants,
  '022-event-targets': eventTargets,
  '023-friction-register': frictionRegister,
  '025-local-process-sensitivity': localProcessSensitivity,
  '026-categories-by-period': categoriesByPeriod,
  '027-period-and-mass-casualty-indexes': periodAndMassCasualtyIndexes,
  '028-area-month-count-index': areaMonthCountIndex,
  '029-actor-counts-once-per-event': actorCountsOncePerEvent,
  '030-country-counts': countryCounts,
  '031-store-revisions': storeRevisions,
  '032-associated-actors': associatedActors,
  '033-agreement-language': agreementLanguage,
  '034-agreement-text-key': agreementTextKey,
  '035-threat-harm-kinds': threatHarmKinds,
  '036-agreement-provision-count': agreementProvisionCount,
  '037-threat-key-not-unique': threatKeyNotUnique,
  '038-driver-tag-disputes': driverTagDisputes,
};
