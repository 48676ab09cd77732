/** 我也遇到: joining another resident's open case instead of filing a duplicate. Pure rules. */
export * from './join.input';
export * from './join.rules';
export * from './join.settings';
export * from './join.similar';
