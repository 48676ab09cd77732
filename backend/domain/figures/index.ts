/** Accountability figures (办结率, 满意率, response in time): pure definitions, no SDK. */
export * from './figures.counts';
export * from './figures.period';
export * from './figures.rate';
