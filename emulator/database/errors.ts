import { CloudBaseError } from '../types';

/**
 * Error codes as CloudBase's database answers them (docs.cloudbase.net/error-code).
 * `OPERATION_NOT_SUPPORTED` is the emulator's own: valid for CloudBase, not emulated here.
 */
export const DbErrorCode = {
  requestFailed: 'DATABASE_REQUEST_FAILED',
  invalidParam: 'INVALID_PARAM',
  // Sic: CloudBase spells it with a double R.
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  collectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  duplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  notSupported: 'OPERATION_NOT_SUPPORTED',
} as const;

export function dbError(code: string, message: string): CloudBaseError {
  return new CloudBaseError(code, message);
}

/** A request CloudBase (MongoDB underneath) would reject. */
export function requestFailed(message: string): CloudBaseError {
  return dbError(DbErrorCode.requestFailed, message);
}

export function invalidParam(message: string): CloudBaseError {
  return dbError(DbErrorCode.invalidParam, message);
}

export function invalidOperator(operator: string, where: string): CloudBaseError {
  return dbError(DbErrorCode.invalidOperator, `unknown ${where} operator: ${operator}`);
}

/** Something CloudBase accepts but the emulator does not implement: fail loudly, never answer wrongly. */
export function notSupported(what: string): CloudBaseError {
  return dbError(DbErrorCode.notSupported, `[emulator] ${what} is not supported by the local CloudBase emulator`);
}
