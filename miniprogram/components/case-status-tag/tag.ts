/** What the status tag shows. Pure: unit-tested in test/miniprogram/case-view-models.test.ts. */
import type { CaseStatus } from '../../../typings/case';
import { STATUS_LABELS } from '../../generated/labels';

/**
 * One tone per stage, so a list reads at a glance: blue waits on the station or another body,
 * amber is being handled, green is answered, grey is over, red refused. Each tone is a token
 * pair of app.wxss (text on its soft background), all above 4.5:1.
 */
export type StatusTone = 'info' | 'warning' | 'success' | 'neutral' | 'danger';

export const STATUS_TONES: Readonly<Record<CaseStatus, StatusTone>> = {
  submitted: 'info',
  accepted: 'info',
  transferred: 'info',
  in_progress: 'warning',
  replied: 'success',
  closed: 'neutral',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export interface StatusTag {
  label: string;
  tone: StatusTone | '';
}

export function statusTag(status: string): StatusTag {
  const known = status in STATUS_LABELS ? (status as CaseStatus) : undefined;
  return known ? { label: STATUS_LABELS[known], tone: STATUS_TONES[known] } : { label: '', tone: '' };
}
