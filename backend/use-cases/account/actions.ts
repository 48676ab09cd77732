/**
 * The person's own data, served by the user function as `export` and `deleteAccount`.
 * Identity only from the WeChat context: the caller exports and deletes themselves, nobody else.
 */
import type { AccountExport, DeleteAccountInput, DeleteAccountOutput, ExportAccountInput } from '../../../typings/account';
import { deleteAccountInput, exportAccountInput } from '../../domain/account';
import { database } from '../../platform/cloudbase';
import type { RoleAction } from '../../platform/define-function';
import type { ResolvedActor } from '../actor';
import { deleteAccount } from './delete-account';
import { exportAccount } from './export-account';

/** Any role: a deputy, officer or unit's staff member may have written as a resident before being bound. */
export const exportAction: RoleAction<ExportAccountInput, AccountExport, ResolvedActor> = {
  allow: ['resident', 'deputy', 'officer', 'admin', 'unit'],
  input: exportAccountInput,
  run: (input, _who, caller) => exportAccount(database(), caller.openid, input, new Date()),
};

/** Residents only: a work role is unbound by the district office first (admin.unbind). */
export const deleteAccountAction: RoleAction<DeleteAccountInput, DeleteAccountOutput, ResolvedActor> = {
  allow: ['resident'],
  input: deleteAccountInput,
  run: (_input, _who, caller) => deleteAccount(database(), caller.openid, new Date()),
};
