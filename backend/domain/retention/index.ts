export * from './retention.rule';
