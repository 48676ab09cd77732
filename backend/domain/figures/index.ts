/** Accountability figures (办结率, 满意率, response in time): pure definitions, no SDK. */
export * from './figures.counts';
export * from './figures.first-answer';
export * from './figures.input';
export * from './figures.median';
export * from './figures.period';
export * from './figures.ranking';
export * from './figures.rate';
export * from './figures.row';
export * from './figures.totals';
