/** The case lifecycle: pure rules for use cases to call inside their transactions. */
export * from './actor';
export * from './case.status';
export * from './case.state';
export * from './case.commands';
export * from './case.events';
export * from './case.errors';
export * from './case.labels';
export * from './case.lifecycle';
export * from './case.policy';
export * from './case.visibility';
export * from './case.decide';
export * from './case.open';
export * from './case.input';
export * from './case.figures';
export * from './deadlines';
export * from './receipt-number';
