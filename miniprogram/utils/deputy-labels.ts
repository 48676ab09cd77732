import type { DeputyLevel } from '../../typings/models';

/** How a deputy's level reads on the roster and in pickers: the back end's words (test/miniprogram/case-labels.test.ts). */
export const DEPUTY_LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  municipal: '市人大代表',
  district: '区人大代表',
  township: '乡镇人大代表',
};
