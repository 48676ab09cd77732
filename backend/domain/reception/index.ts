/** The reception schedule (接待日): publishing, the officer's view, deputies' check-in, following. */
export * from './reception.rules';
export * from './reception.time';
export * from './reception.errors';
export * from './reception.publish';
export * from './reception.input';
export * from './reception.view';
export * from './checkin';
export * from './geo';
export * from './checkin.window';
export * from './presence-code';
