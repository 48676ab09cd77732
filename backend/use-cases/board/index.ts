export * from './public-case';
export * from './station-board';
