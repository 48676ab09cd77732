/** 代表建议: a deputy's formal suggestion, from draft to the deputy's rating of the answer. Pure. */
export * from './suggestion.change';
export * from './suggestion.clock';
export * from './suggestion.commands';
export * from './suggestion.document';
export * from './suggestion.input';
export * from './suggestion.number';
export * from './suggestion.party';
export * from './suggestion.rules';
export * from './suggestion.settings';
export * from './suggestion.steps';
export * from './suggestion.table';
export * from './suggestion.view';
