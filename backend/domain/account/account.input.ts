/** Input checks of `user.export` and `user.deleteAccount`. */
import type { DeleteAccountInput, ExportAccountInput } from '../../../typings/account';
import type { Check } from '../validation';
import { number, object, oneOf, optional } from '../validation';

export const exportAccountInput: Check<ExportAccountInput> = object({ page: optional(number('页码', { min: 0, max: 1000, integer: true })) });

/** The person types 注销: anything else (or nothing) is refused before anything is touched. */
export const deleteAccountInput: Check<DeleteAccountInput> = object({ confirm: oneOf('确认文字（请输入“注销”）', ['注销'] as const) });
