/** A person's own data: what an export contains, what deleting the account does to a case. */
export * from './account.anonymise';
export * from './account.export';
export * from './account.input';
