export * from './upload.rules';
export * from './upload.input';
