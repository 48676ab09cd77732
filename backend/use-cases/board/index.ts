export * from './public-case';
export * from './station-board';
export * from './published-suggestions';
