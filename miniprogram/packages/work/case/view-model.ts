/**
 * Shapes a case for the handler's page: who wrote, where, how to reach them, the deadline,
 * the routing and the buttons. Pure: unit-tested in test/miniprogram/work-view-models.test.ts.
 */
import type { CaseDetail, CaseStatus } from '../../../../typings/case';
import type { DeputyCard } from '../../../../typings/api';
import { CATEGORY_LABELS, COMMAND_LABELS, DEPUTY_LEVEL_LABELS, TRANSFER_ROUTE_LABELS } from '../../../generated/labels';
import { toTimeline } from '../../../components/case-timeline/entries';
import type { TimelineEntryView } from '../../../components/case-timeline/entries';
import { caseHead, factList } from '../../../utils/case-view';
import type { CaseFact, CaseHead } from '../../../utils/case-view';
import { shanghaiInstant } from '../../../utils/china-time';
import { joinBadgeText } from '../../../utils/public-case';
import { dateText, dateTimeText } from '../../../utils/time';
import { dueView } from '../inbox/due';
import { HANDLER_COMMANDS } from './commands';
import type { ChosenCategory, HandlerCommand } from './commands';

/** The 受理 sheet's choices, in the order residents see them on the compose page. */
export const CATEGORY_CHOICES: readonly { value: ChosenCategory; label: string }[] = (['opinion', 'suggestion', 'help', 'complaint'] as const).map((value) => ({
  value,
  label: CATEGORY_LABELS[value],
}));

export interface CommandButton {
  kind: HandlerCommand;
  label: string;
  type: 'primary' | 'danger' | 'default';
}

export interface HandlerCaseView extends CaseHead {
  deputyLine: string;
  facts: CaseFact[];
  contactName: string;
  phone: string;
  /** '' when the resident gave no location. */
  locationText: string;
  dueText: string;
  overdue: boolean;
  transferText: string;
  contentCheckPending: boolean;
  /** Held back from the deputy it was written to until triaged (too many to them in a short time). */
  held: boolean;
  anonymous: boolean;
  /** 不确定: filed under no category yet; whoever accepts it chooses one (待定类别). */
  categoryPending: boolean;
  buttons: CommandButton[];
  /** 生成代表函: only a case sent to the district standing committee has one. */
  letter: boolean;
  timeline: TimelineEntryView[];
  /** 「附议 3」; '' for none. */
  joinText: string;
  /** What joiners added, newest first: when, what, photos; never who. */
  joinNotes: JoinNoteRow[];
}

export interface JoinNoteRow {
  key: string;
  timeText: string;
  note: string;
  photos: string[];
}

export function toJoinNoteRows(notes: CaseDetail['joinNotes'], now: Date): JoinNoteRow[] {
  return (notes ?? []).map((n, i) => ({ key: `${n.at}-${i}`, timeText: dateTimeText(n.at, now), note: n.note ?? '', photos: n.photos.map((p) => p.url) }));
}

const OPEN: readonly CaseStatus[] = ['submitted', 'accepted', 'transferred', 'in_progress', 'replied'];

/** 'YYYY-MM-DD' as the Beijing date it names; an instant as its Beijing date. */
function deadlineText(deadline: string, now: Date): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  return day ? dateText(new Date(shanghaiInstant(deadline, '12:00')), now) : dateText(deadline, now);
}

/** Only the commands this page can issue, in its order; the first is the one to press. */
export function toButtons(available: readonly string[]): CommandButton[] {
  const kinds = HANDLER_COMMANDS.filter((kind) => available.includes(kind));
  return kinds.map((kind, i) => ({ kind, label: COMMAND_LABELS[kind], type: kind === 'reject' ? 'danger' : i === 0 ? 'primary' : 'default' }));
}

function deputyLine(detail: CaseDetail): string {
  if (detail.assignedDeputy) return `承办代表：${detail.assignedDeputy.name}`;
  if (detail.targetDeputy) return `写给：人大代表 ${detail.targetDeputy.name}（未指派）`;
  return '尚未指派承办代表';
}

export function toHandlerCaseView(detail: CaseDetail, now: Date): HandlerCaseView {
  const open = OPEN.includes(detail.status);
  const due = open ? dueView(detail.dueAt, now) : { text: '', overdue: false };
  const transfer = detail.transfer;
  return {
    ...caseHead(detail),
    deputyLine: deputyLine(detail),
    facts: factList([
      ['留言类别', detail.category === 'unsure' ? '不确定（受理时选择）' : (CATEGORY_LABELS[detail.category] ?? '')],
      ['提交时间', dateTimeText(detail.submittedAt, now)],
      ['重办次数', detail.reopenCount > 0 ? `${detail.reopenCount} 次` : ''],
    ]),
    contactName: detail.contact?.name ?? '',
    phone: detail.contact?.phone ?? '',
    locationText: detail.location ? detail.location.address || '已在地图上标注' : '',
    dueText: due.text ? `${due.text}（${dateText(detail.dueAt, now)}）` : '',
    overdue: due.overdue,
    transferText: transfer ? `${TRANSFER_ROUTE_LABELS[transfer.route]}：${transfer.receivingBody}，办理期限 ${deadlineText(transfer.deadline, now)}` : '',
    contentCheckPending: detail.contentCheck === 'pending',
    held: detail.held !== undefined,
    anonymous: detail.anonymous,
    categoryPending: detail.category === 'unsure',
    // A case already in a 代表建议 is not proposed a second time.
    buttons: toButtons(detail.suggestion ? detail.availableCommands.filter((k) => k !== 'mark_suggestion') : detail.availableCommands),
    letter: transfer?.route === 'district_committee',
    timeline: toTimeline(detail, now),
    joinText: joinBadgeText(detail.joinCount),
    joinNotes: toJoinNoteRows(detail.joinNotes, now),
  };
}

export interface DeputyOption {
  id: string;
  label: string;
}

/** The station's deputies to pick from: "李明（区人大代表）". */
export function deputyOptions(deputies: readonly Pick<DeputyCard, 'id' | 'name' | 'level'>[]): DeputyOption[] {
  return deputies.map((d) => ({ id: d.id, label: `${d.name}（${DEPUTY_LEVEL_LABELS[d.level] ?? ''}）` }));
}
