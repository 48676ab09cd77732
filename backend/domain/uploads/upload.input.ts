/** What `case.uploadPaths` accepts (`UploadPathsInput` of typings/uploads.ts). Strict, like every action's input. */
import type { UploadPathsInput } from '../../../typings/uploads';
import { array } from '../case/combinators';
import type { Assert } from '../exhaustive';
import type { Check } from '../validation';
import { object, oneOf } from '../validation';
import type { UploadExtension } from './upload.rules';
import { AUDIO_EXTENSIONS, PHOTO_EXTENSIONS, UPLOAD_EXTENSIONS, UPLOAD_RULES } from './upload.rules';

const anyOf = oneOf('文件格式', UPLOAD_EXTENSIONS);
/** One of the image or audio types storage keeps, said in full when it is not. */
const extension: Check<UploadExtension> = (value, path) => {
  const result = anyOf(value, path);
  return result.ok ? result : { ...result, reason: `照片只能是 ${PHOTO_EXTENSIONS.join('、')} 格式，语音只能是 ${AUDIO_EXTENSIONS.join('、')} 格式` };
};

export const uploadPathsSchema = object({
  extensions: array('照片', extension, { min: 1, max: UPLOAD_RULES.maxPerCall }),
});

type Parsed = typeof uploadPathsSchema extends Check<infer T> ? T : never;
export type UploadPathsInputMatchesContract = [Assert<Parsed extends UploadPathsInput ? true : false>, Assert<UploadPathsInput extends Parsed ? true : false>];
