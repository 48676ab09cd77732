/**
 * The life of a comment as ONE table: for each command, the statuses it may be issued from,
 * where it leads, and which party may issue it. Anything not listed is refused (deny by
 * default). What depends on the consultation (open, compiled) is `commentStep`'s second half.
 */
import type { CommentStatus, ConsultationStatus } from '../../../typings/consultation';
import { fail, ok, type Result } from '../result';

export const COMMENT_COMMANDS = ['claim', 'withdraw', 'forward', 'duplicate', 'decline', 'edit', 'adopt'] as const;
export type CommentCommand = (typeof COMMENT_COMMANDS)[number];

/**
 * Who acts on a comment: its resident (`owner`), a resident with the comment's claim code
 * (`claimant`), an officer of its station, the office of its district; anyone else is `other`.
 */
export type CommentParty = 'owner' | 'claimant' | 'officer' | 'office' | 'other';

type Next = CommentStatus | 'same';

interface Row {
  readonly from: Readonly<Partial<Record<CommentStatus, Next>>>;
  readonly by: CommentParty;
  /** The consultation statuses it may happen in. */
  readonly while: readonly ConsultationStatus[];
}

const REVIEWABLE = { submitted: 'forwarded', forwarded: 'forwarded', duplicate: 'forwarded', declined: 'forwarded' } as const;
const retarget = (to: CommentStatus) => Object.fromEntries(Object.keys(REVIEWABLE).map((from) => [from, to])) as Record<keyof typeof REVIEWABLE, CommentStatus>;

export const COMMENT_TABLE: Readonly<Record<CommentCommand, Row>> = {
  // A comment recorded while open may be confirmed after closing: the resident said it in time.
  claim: { from: { pending: 'submitted' }, by: 'claimant', while: ['open', 'closed'] },
  withdraw: { from: { submitted: 'withdrawn' }, by: 'owner', while: ['open'] },
  // Reviews may be changed until the office compiles the report.
  forward: { from: REVIEWABLE, by: 'officer', while: ['open', 'closed'] },
  duplicate: { from: retarget('duplicate'), by: 'officer', while: ['open', 'closed'] },
  decline: { from: retarget('declined'), by: 'officer', while: ['open', 'closed'] },
  // The office's light edit: after closing, before or after compiling (compile again to include it).
  edit: { from: { submitted: 'same', forwarded: 'same', duplicate: 'same', declined: 'same' }, by: 'office', while: ['closed', 'reported'] },
  adopt: { from: { forwarded: 'same' }, by: 'office', while: ['reported'] },
};

const WHY_NOT: Readonly<Record<ConsultationStatus, string>> = {
  open: '征集还没有截止',
  closed: '征集已经截止',
  reported: '意见已经汇总报送',
};

const STATUS_LABELS: Readonly<Record<CommentStatus, string>> = {
  pending: '待本人确认',
  submitted: '已提交',
  withdrawn: '已撤回',
  forwarded: '已转报',
  duplicate: '已合并',
  declined: '未转报',
};

/** The status after `command`, or why not: NOT_FOUND for a party with no business here, ILLEGAL_TRANSITION otherwise. */
export function commentStep(command: CommentCommand, status: CommentStatus, party: CommentParty, consultation: ConsultationStatus): Result<CommentStatus> {
  const row = COMMENT_TABLE[command];
  if (party !== row.by) return fail(party === 'other' ? 'NOT_FOUND' : 'FORBIDDEN', party === 'other' ? '没有找到这条意见' : '您不能对这条意见执行此操作');
  const next = row.from[status];
  if (!next) return fail('ILLEGAL_TRANSITION', `这条意见${STATUS_LABELS[status]}，不能再这样处理`);
  if (!row.while.includes(consultation)) return fail('ILLEGAL_TRANSITION', `${WHY_NOT[consultation]}，不能再这样处理`);
  return ok(next === 'same' ? status : next);
}

export const commentStatusLabel = (status: CommentStatus): string => STATUS_LABELS[status];
