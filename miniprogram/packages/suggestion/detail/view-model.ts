/**
 * A 代表建议 on its page: what it says, who co-signs it, the cases it grew from, who handles it by
 * when, the answers and their ratings, the timeline, and exactly the buttons `can` allows.
 * Pure: unit-tested in test/miniprogram/suggestion-view-models.test.ts.
 */
import type { SuggestionActions, SuggestionDetail } from '../../../../typings/suggestion';
import type { TimelineEntryView } from '../../../components/case-timeline/entries';
import { RATING_LABELS } from '../../../generated/labels';
import { dateText, dateTimeText } from '../../../utils/time';
import { deadlineView } from '../common/deadline';
import { suggestionHeading } from '../common/heading';
import type { SuggestionHeading } from '../common/heading';

/** What a button does: a sheet of its own, a confirmation, or the editor. */
export type ActionKind = keyof SuggestionActions;

export interface ActionButton {
  kind: ActionKind;
  label: string;
  type: 'primary' | 'default' | 'danger';
}

/** Button order: what the caller is asked to do first, what ends it last. */
const ACTIONS: readonly { kind: ActionKind; label: string }[] = [
  { kind: 'cosign', label: '联名确认' },
  { kind: 'submit', label: '提交' },
  { kind: 'edit', label: '修改' },
  { kind: 'review', label: '审查' },
  { kind: 'assign', label: '交办' },
  { kind: 'decide', label: '审批申请' },
  { kind: 'answer', label: '答复' },
  { kind: 'assist', label: '协办意见' },
  { kind: 'rate', label: '评价答复' },
  { kind: 'requestExtension', label: '申请延期' },
  { kind: 'requestReroute', label: '申请改办' },
  { kind: 'withdraw', label: '撤回' },
];

export function toButtons(can: SuggestionActions, round: 1 | 2): ActionButton[] {
  const shown = ACTIONS.filter((a) => can[a.kind]);
  return shown.map((a, i) => ({
    kind: a.kind,
    label: a.kind === 'answer' && round === 2 ? '重新答复' : a.label,
    type: a.kind === 'withdraw' ? 'danger' : i === 0 ? 'primary' : 'default',
  }));
}

export interface AssignmentRow {
  key: string;
  unitName: string;
  roleLabel: string;
  deadlineText: string;
  overdue: boolean;
  /** An assisting unit's opinion to the lead, once sent. */
  opinion: string;
}

export interface AnswerRow {
  key: string;
  heading: string;
  resultText: string;
  text: string;
  pdfUrl: string;
  publishText: string;
  ratingText: string;
}

export interface DetailView extends SuggestionHeading {
  byline: string;
  deadlineText: string;
  overdue: boolean;
  roundText: string;
  problem: string;
  proposal: string;
  photos: string[];
  pdfs: { url: string; label: string }[];
  cosigners: { id: string; name: string; statusText: string }[];
  cases: { id: string; receiptNo: string; title: string }[];
  /** 退回理由 / 转办说明 with its text; null without. */
  reviewNote: { label: string; text: string } | null;
  assignments: AssignmentRow[];
  request: { label: string; reason: string; untilText: string; atText: string } | null;
  answers: AnswerRow[];
  timeline: TimelineEntryView[];
  buttons: ActionButton[];
  /** 交办单 exists once units are assigned. */
  assigned: boolean;
}

const COSIGN_TEXTS = { pending: '待确认', confirmed: '已确认', declined: '已谢绝' } as const;
const REQUEST_LABELS = { reroute: '申请改办', extension: '申请延期' } as const;

function reviewNote(d: SuggestionDetail): DetailView['reviewNote'] {
  if (!d.reviewNote) return null;
  if (d.status === 'converted') return { label: '转为留言办理', text: d.reviewNote };
  return { label: '退回理由', text: d.reviewNote };
}

export function toDetailView(d: SuggestionDetail, now: Date): DetailView {
  const lead = d.assignments.find((a) => a.role === 'lead');
  const running = d.status === 'assigned';
  const { heading, due } = suggestionHeading(d, now, d.deadline ?? lead?.deadline);
  return {
    ...heading,
    byline: `${d.deputy.name}代表提出`,
    deadlineText: due.text ? `答复期限 ${due.dateText}（${due.text}）` : '',
    overdue: due.overdue,
    roundText: d.round === 2 ? '代表对第一次答复不满意，承办单位重新办理' : '',
    problem: d.problem,
    proposal: d.proposal,
    photos: d.attachments.filter((f) => f.kind === 'photo').map((f) => f.url),
    pdfs: d.attachments.filter((f) => f.kind === 'pdf').map((f, i) => ({ url: f.url, label: `PDF 附件 ${i + 1}` })),
    cosigners: d.cosigners.map((c) => ({ id: c.id, name: c.name, statusText: COSIGN_TEXTS[c.status] ?? '' })),
    cases: d.cases,
    reviewNote: reviewNote(d),
    assignments: d.assignments.map((a) => {
      const open = running && !(a.role === 'assist' && a.opinion);
      const view = deadlineView(a.deadline, now);
      return {
        key: `${a.role}-${a.unit.id}`,
        unitName: a.unit.name,
        roleLabel: a.role === 'lead' ? '主办' : '协办',
        deadlineText: open ? `${view.dateText}前（${view.text}）` : `${view.dateText}前`,
        overdue: open && view.overdue,
        opinion: a.opinion ?? '',
      };
    }),
    request: d.request
      ? {
          label: REQUEST_LABELS[d.request.kind],
          reason: d.request.reason,
          untilText: d.request.until ? deadlineView(d.request.until, now).dateText : '',
          atText: dateTimeText(d.request.at, now),
        }
      : null,
    answers: d.answers.map((a) => ({
      key: `${a.round}-${a.at}`,
      heading: `第${a.round}次答复 · ${a.unit.name}`,
      resultText: `${a.result} ${a.resultLabel}`,
      text: a.text,
      pdfUrl: a.attachment?.url ?? '',
      publishText: a.publishable ? '同意公开' : '不公开',
      ratingText: a.rating ? `代表评价：${RATING_LABELS[a.rating.value]}${a.rating.comment ? `（${a.rating.comment}）` : ''} · ${dateText(a.rating.at, now)}` : '',
    })),
    // Newest first, whatever order the server lists them in.
    timeline: d.timeline
      .slice()
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
      .map((e, i) => ({ seq: i, label: e.label, actor: e.actorName || '系统', time: dateTimeText(e.at, now), facts: [], note: e.note ?? '', photos: [] })),
    buttons: toButtons(d.can, d.round),
    assigned: d.assignments.length > 0,
  };
}
