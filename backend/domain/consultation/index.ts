/** 立法意见征集: the pure rules (typings/consultation.ts tells the life of a consultation and a comment). */
export * from './consultation.rules';
export * from './consultation.numerals';
export * from './consultation.draft';
export * from './consultation.model';
export * from './consultation.clock';
export * from './consultation.table';
export * from './consultation.report';
export * from './consultation.view';
export * from './consultation.input';
export * from './consultation.code';
