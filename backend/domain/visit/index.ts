export * from './visit.rules';
export * from './visit.input';
export * from './visit.model';
export * from './visit.case';
