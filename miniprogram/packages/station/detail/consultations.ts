/**
 * 立法意见征集 on the station's page: the drafts open for comment here (open first, as the
 * server lists them) and how many of this station's comments were adopted. Pure: unit-tested in
 * test/miniprogram/consultation-view-models.test.ts.
 */
import type { ListConsultationsOutput } from '../../../../typings/consultation';
import { toConsultationRow } from '../../../utils/consultation-view';
import type { ConsultationRow } from '../../../utils/consultation-view';

export interface ConsultationsBlock {
  rows: ConsultationRow[];
  /** '本站群众意见已被立法机关采纳 3 条'; '' while none is. */
  adoptedText: string;
}

export const NO_CONSULTATIONS: ConsultationsBlock = { rows: [], adoptedText: '' };

export function toConsultationsBlock(list: ListConsultationsOutput): ConsultationsBlock {
  const adopted = list.stationAdopted ?? 0;
  return { rows: list.consultations.map(toConsultationRow), adoptedText: adopted > 0 ? `本站群众意见已被立法机关采纳 ${adopted} 条` : '' };
}
