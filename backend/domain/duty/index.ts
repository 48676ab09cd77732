/** The deputy's duty record (履职档案): pure counting rules, no SDK. */
export * from './duty.activity';
export * from './duty.count';
export * from './duty.recent';
export * from './duty.year';
