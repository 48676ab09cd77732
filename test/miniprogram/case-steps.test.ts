/**
 * The step bar of the resident's case page (packages/case/detail/steps.ts): a hand-written
 * table of cases, from the statuses and timelines the server sends to what each step says.
 * NOW is 21 November 2026, 14:30 in Beijing; daysAgo(9) is 12 November.
 */
import type { CaseDetail, CaseTimelineEntry } from '../../typings/case';
import { toProgress } from '../../miniprogram/packages/case/detail/steps';
import type { CaseProgress } from '../../miniprogram/packages/case/detail/steps';
import { caseDetail, daysAgo, event, minutesAgo, NOW } from './support/case-fixtures';

const submitted = (at = daysAgo(10)) => event(1, 'submitted', { actorRole: 'resident', actorName: '我', at });
const accepted = (at = daysAgo(9)) => event(2, 'accepted', { actorRole: 'officer', actorName: '王芳', at, fromStatus: 'submitted', toStatus: 'accepted' });
const started = event(3, 'started', { actorRole: 'officer', actorName: '王芳', at: daysAgo(2), toStatus: 'in_progress' });
const repliedAt = (seq: number, at: string) => event(seq, 'replied', { actorRole: 'deputy', actorName: '李明', at, toStatus: 'replied', note: '已修好' });
const rated = (seq: number, rating: string, at = minutesAgo(1)) => event(seq, 'rated', { actorRole: 'resident', actorName: '我', at, data: { rating } });
const handled = [submitted(), accepted(), started];
/** End of a Shanghai day, as the server's deadlines are. */
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();

const shown = (over: Partial<CaseDetail>, timeline: CaseTimelineEntry[]): { steps: string[]; next: string; overdue: boolean } => {
  const progress: CaseProgress = toProgress(caseDetail({ rating: undefined, closure: undefined, transfer: undefined, dueAt: undefined, ...over, timeline }), NOW);
  return { steps: progress.steps.map((s) => [s.label, s.state, s.date, s.note].filter(Boolean).join(' ')), next: progress.next, overdue: progress.overdue };
};

const TODO = ['答复 todo', '评价 todo'];

describe('the step bar of a case', () => {
  it.each<[string, Partial<CaseDetail>, CaseTimelineEntry[], { steps: string[]; next: string; overdue?: boolean }]>([
    [
      'just submitted: 受理 is next, by the acceptance deadline',
      { status: 'submitted', dueAt: endOf('2026-11-24') },
      [submitted(minutesAgo(3))],
      { steps: ['提交 done 11月21日', '受理 current 等待联络站受理', '办理 todo', ...TODO], next: '预计 11月24日前受理' },
    ],
    [
      'submitted and not accepted in time',
      { status: 'submitted', dueAt: endOf('2026-11-19') },
      [submitted(daysAgo(5))],
      { steps: ['提交 done 11月16日', '受理 current 等待联络站受理', '办理 todo', ...TODO], next: '应于 11月19日前受理，已逾期', overdue: true },
    ],
    [
      'accepted: handling from the day of acceptance, the reply by its deadline',
      { status: 'accepted', dueAt: endOf('2026-11-27') },
      [submitted(), accepted()],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 current 11月12日 正在办理', ...TODO], next: '预计 11月27日前答复' },
    ],
    [
      'in progress since it was started',
      { status: 'in_progress', dueAt: endOf('2026-11-27') },
      handled,
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 current 11月19日 正在办理', ...TODO], next: '预计 11月27日前答复' },
    ],
    [
      'transferred: the receiving body, and its deadline',
      { status: 'transferred', dueAt: '2026-12-05T02:00:00.000Z', transfer: { route: 'street_office', receivingBody: '华富街道办', deadline: '2026-12-05T02:00:00.000Z' } },
      [submitted(), accepted(), event(3, 'transferred', { actorRole: 'officer', at: daysAgo(2), toStatus: 'transferred' })],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 current 11月19日 正在办理，已转交华富街道办', ...TODO], next: '预计 12月5日前答复' },
    ],
    [
      'answered: the rating is asked for within the days the resident can count on',
      { status: 'replied' },
      [...handled, repliedAt(4, minutesAgo(3))],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月21日', '评价 current 请您评价答复'], next: '请在 11月28日前评价' },
    ],
    [
      'answered 8 days ago and still not rated',
      { status: 'replied' },
      [...handled, repliedAt(4, daysAgo(8))],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月13日', '评价 current 请您评价答复'], next: '请尽快评价' },
    ],
    [
      'answered straight from acceptance (no start)',
      { status: 'replied' },
      [submitted(), accepted(), repliedAt(3, daysAgo(1))],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月12日', '答复 done 11月20日', '评价 current 请您评价答复'], next: '请在 11月27日前评价' },
    ],
    [
      'rated 不满意 (still 已答复): nothing more is asked by a date',
      { status: 'replied', rating: { value: 'unsatisfied', at: minutesAgo(1) } },
      [...handled, repliedAt(4, daysAgo(1)), rated(5, 'unsatisfied')],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月20日', '评价 done 11月21日 不满意'], next: '' },
    ],
    [
      'rated 满意 and so closed',
      { status: 'closed', rating: { value: 'satisfied', at: minutesAgo(1) }, closure: { at: minutesAgo(1), withoutRating: false } },
      [...handled, repliedAt(4, daysAgo(1)), rated(5, 'satisfied')],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月20日', '评价 done 11月21日 满意'], next: '' },
    ],
    [
      'closed by the scheduler without a rating',
      { status: 'closed', closure: { at: daysAgo(1), withoutRating: true } },
      [...handled, repliedAt(4, daysAgo(16)), event(5, 'closed', { at: daysAgo(1), toStatus: 'closed', data: { how: 'auto', withoutRating: true } })],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月5日', '评价 skipped 11月20日 未评价，已按期自动办结'], next: '' },
    ],
    [
      'closed by the officer without a rating',
      { status: 'closed', closure: { at: daysAgo(1), withoutRating: true } },
      [...handled, repliedAt(4, daysAgo(9)), event(5, 'closed', { actorRole: 'officer', at: daysAgo(1), toStatus: 'closed', data: { how: 'officer', withoutRating: true } })],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月19日', '答复 done 11月12日', '评价 skipped 11月20日 未评价，已办结'], next: '' },
    ],
    [
      'not accepted (不予受理): where to go instead',
      { status: 'rejected' },
      [submitted(), event(2, 'rejected', { actorRole: 'officer', at: daysAgo(9), toStatus: 'rejected', data: { referral: '区人民法院' } })],
      { steps: ['提交 done 11月11日', '不予受理 ended 11月12日 建议向区人民法院反映'], next: '' },
    ],
    [
      'withdrawn',
      { status: 'withdrawn' },
      [submitted(), event(2, 'withdrawn', { actorRole: 'resident', at: daysAgo(9), toStatus: 'withdrawn' })],
      { steps: ['提交 done 11月11日', '已撤回 ended 11月12日'], next: '' },
    ],
    [
      'merged after acceptance',
      { status: 'closed', closure: { at: daysAgo(1), withoutRating: true, mergedInto: { id: 'c0', receiptNo: 'FT20261101-0001' } } },
      [submitted(), accepted(), event(3, 'merged', { actorRole: 'officer', at: daysAgo(1), toStatus: 'closed' })],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '合并办理 ended 11月20日 与留言 FT20261101-0001 合并办理，请在那件留言查看进度'], next: '' },
    ],
    [
      'merged before acceptance',
      { status: 'closed', closure: { at: daysAgo(9), withoutRating: true, mergedInto: { id: 'c0', receiptNo: 'FT20261101-0001' } } },
      [submitted(), event(2, 'merged', { actorRole: 'officer', at: daysAgo(9), toStatus: 'closed' })],
      { steps: ['提交 done 11月11日', '合并办理 ended 11月12日 与留言 FT20261101-0001 合并办理，请在那件留言查看进度'], next: '' },
    ],
    [
      'reopened (重办): handling starts over from the request, with a new reply deadline',
      { status: 'in_progress', reopenCount: 1, dueAt: endOf('2026-12-05') },
      [...handled, repliedAt(4, daysAgo(3)), rated(5, 'unsatisfied', daysAgo(2)), event(6, 'reopened', { actorRole: 'resident', at: daysAgo(1), toStatus: 'in_progress' })],
      { steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 current 11月20日 正在办理，第 1 次重办', ...TODO], next: '预计 12月5日前答复' },
    ],
    [
      'reopened and answered again: the new reply is rated',
      { status: 'replied', reopenCount: 1 },
      [
        ...handled,
        repliedAt(4, daysAgo(3)),
        rated(5, 'unsatisfied', daysAgo(2)),
        event(6, 'reopened', { actorRole: 'resident', at: daysAgo(1), toStatus: 'in_progress' }),
        repliedAt(7, minutesAgo(3)),
      ],
      {
        steps: ['提交 done 11月11日', '受理 done 11月12日', '办理 done 11月20日 第 1 次重办', '答复 done 11月21日', '评价 current 请您评价答复'],
        next: '请在 11月28日前评价',
      },
    ],
  ])('%s', (_what, over, timeline, expected) => {
    expect(shown(over, timeline)).toEqual({ overdue: false, ...expected });
  });

  it('tells a screen reader what the marker shows', () => {
    const { steps } = toProgress(caseDetail({ status: 'accepted', timeline: [submitted(), accepted()] }), NOW);
    expect(steps.map((s) => s.stateText)).toEqual(['已完成', '已完成', '当前步骤', '未开始', '未开始']);
  });
});
