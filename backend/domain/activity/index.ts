/** 履职登记: a deputy's duty done outside the app, recorded by an officer, confirmed by the deputy. Pure. */
export * from './activity.input';
export * from './activity.model';
export * from './activity.policy';
export * from './activity.rules';
export * from './activity.state';
export * from './activity.view';
