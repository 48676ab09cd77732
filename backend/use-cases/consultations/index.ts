/** 立法意见征集's use cases, for the `consultation` function. */
export { consultationCaller, type ConsultationCaller } from './caller';
export type { ConsultationContext } from './context';
export { publishConsultation } from './publish';
export { getConsultation, listConsultations } from './read';
export { submitComment } from './comment';
export { claimComment, recordComment, renewCommentCode } from './record';
export { adoptComment, editComment, reviewComment, withdrawComment } from './steps';
export { listComments, myComments } from './read-comments';
export { compileConsultation, readReport } from './report';
