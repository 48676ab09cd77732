/** 述职报告: a deputy's report to the voters and the voters' anonymous ratings — pure rules, no SDK. */
export * from './report.rules';
export * from './report.ratings';
export * from './report.period';
export * from './report.window';
export * from './report.model';
export * from './report.policy';
export * from './report.input';
export * from './report.view';
export * from './report.ids';
