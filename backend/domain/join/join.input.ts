/**
 * What case.similar, case.join, case.unjoin and case.joined accept, checked at the edge like
 * every case action: strict, typed text cleaned before its limits.
 */
import { number, object, oneOf, optional, optionalFreeText } from '../validation';
import { CONTENT_LIMITS, idInput, photoFileIdsInput } from '../case/case.input';
import { CASE_CATEGORIES } from '../case/case.state';
import { TITLE_LIMITS } from '../case/case.title';

/** A joiner's note to the handlers, in characters. */
export const JOIN_NOTE_MAX = 500;

export const SIMILAR_INPUT = object({
  stationId: idInput('联络站'),
  category: optional(oneOf('留言类别', CASE_CATEGORIES)),
  title: optionalFreeText('标题', TITLE_LIMITS.max),
  content: optionalFreeText('内容', CONTENT_LIMITS.max),
  latitude: optional(number('纬度', { min: -90, max: 90 })),
  longitude: optional(number('经度', { min: -180, max: 180 })),
});

export const JOIN_INPUT = object({
  caseId: idInput('留言编号'),
  note: optionalFreeText('补充说明', JOIN_NOTE_MAX),
  photoFileIds: photoFileIdsInput,
});

export const UNJOIN_INPUT = object({ caseId: idInput('留言编号') });

export const JOINED_INPUT = object({});
