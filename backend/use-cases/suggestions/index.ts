export * from './context';
export * from './files';
export * from './lifecycle';
export * from './read-suggestions';
export * from './save-suggestion';
