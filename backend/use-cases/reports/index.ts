export * from './context';
export * from './publish-report';
export * from './read-reports';
export * from './rate-report';
