/** What the status tag shows. Pure: unit-tested in test/miniprogram/case-view-models.test.ts. */
import type { CaseStatus } from '../../../typings/case';
import { STATUS_LABELS } from './labels';

/**
 * One colour per stage, so a list reads at a glance: blue waits on the station, purple is
 * with another body, orange is being handled, green is answered, grey is over, red refused.
 */
export const STATUS_COLORS: Readonly<Record<CaseStatus, string>> = {
  submitted: '#1989fa',
  accepted: '#1989fa',
  transferred: '#7232dd',
  in_progress: '#ff976a',
  replied: '#07c160',
  closed: '#969799',
  rejected: '#ee0a24',
  withdrawn: '#c8c9cc',
};

export interface StatusTag {
  label: string;
  color: string;
}

export function statusTag(status: string): StatusTag {
  const known = status in STATUS_LABELS ? (status as CaseStatus) : undefined;
  return known ? { label: STATUS_LABELS[known], color: STATUS_COLORS[known] } : { label: '', color: '' };
}
