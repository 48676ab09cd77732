/**
 * Rows of 邀请码. Pure: unit-tested in test/miniprogram/admin-view-models.test.ts.
 * Times are Beijing wall-clock (utils/time.ts), whatever the phone's zone.
 */
import type { InviteView } from '../../../../typings/workspace';
import { dateTimeText } from '../../../utils/time';
import { INVITE_STATUS, ROLE_LABELS } from '../common/labels';

export interface InviteRow {
  id: string;
  code: string;
  /** '联络员 · 王芳' */
  who: string;
  statusText: string;
  /** van-tag type: the status's colour. */
  statusTag: string;
  /** '生成于 11月21日 09:30 · 有效至 11月28日 09:30', or '使用于 …' once redeemed */
  times: string;
  canRevoke: boolean;
}

export function toInviteRow(invite: InviteView, now: Date): InviteRow {
  const status = INVITE_STATUS[invite.status];
  const created = `生成于 ${dateTimeText(invite.createdAt, now)}`;
  const last = invite.status === 'redeemed' && invite.redeemedAt ? `使用于 ${dateTimeText(invite.redeemedAt, now)}` : `有效至 ${dateTimeText(invite.expiresAt, now)}`;
  return {
    // A code is unique; it names the row.
    id: invite.code,
    code: invite.code,
    who: `${ROLE_LABELS[invite.role]} · ${invite.person.name}`,
    statusText: status.text,
    statusTag: status.tag,
    times: `${created} · ${last}`,
    canRevoke: invite.status === 'open',
  };
}
