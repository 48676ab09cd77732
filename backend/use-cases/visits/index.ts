export { claimCase } from './claim-case';
export { VISIT_SETTINGS, type VisitContext } from './context';
export { listVisits } from './list-visits';
export { recordVisit } from './record-visit';
export { renewClaimCode, visitToCase } from './visit-to-case';
