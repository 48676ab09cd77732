/** 履职登记's view-models: the form's checks and input, and the list's rows. Expectations written by hand. */
import {
  activityErrors,
  activityFieldOf,
  earliestDay,
  KIND_OPTIONS,
  revisionOf,
  toRecordInput,
  toReviseInput,
  type ActivityForm,
} from '../../miniprogram/packages/work/activity/view-model';
import { disputeError, emptyText, headingOf, reviseUrl, toActivityRow, toActivityRows } from '../../miniprogram/packages/work/activities/view-model';
import { CONFIRMED_ACTIVITY, DISPUTED_ACTIVITY, WAITING_ACTIVITY } from './support/activity-demo';

const NO_PHOTOS = { photos: [], uploading: 0, failed: 0 };
const TODAY = '2026-11-21';
const FORM: ActivityForm = { deputyId: 'dp-001', kind: 'lawEnforcement', date: '2026-11-18', place: ' 莲花北农贸市场 ', note: '' };

describe('登记履职活动 form', () => {
  it('lists the eight kinds in the seeds’ order, 其他 last', () => {
    expect(KIND_OPTIONS.map((k) => k.label)).toEqual(['出席人代会', '列席常委会', '审议发言', '调研视察', '执法检查', '代表论坛', '约见一府两院', '其他']);
  });

  it('takes a day from 1 January of last year to today', () => {
    expect(earliestDay(TODAY)).toBe('2025-01-01');
    expect(activityErrors({ ...FORM, date: '2026-11-22' }, NO_PHOTOS, TODAY).date).toBe('活动日期不能晚于今天');
    expect(activityErrors({ ...FORM, date: '2024-12-31' }, NO_PHOTOS, TODAY).date).toBe('只能登记今年和去年的履职活动');
    expect(activityErrors({ ...FORM, date: '2025-01-01' }, NO_PHOTOS, TODAY)).toEqual({});
  });

  it('says what is missing next to its field', () => {
    expect(activityErrors({ deputyId: '', kind: '', date: '', place: '  ', note: '字'.repeat(501) }, NO_PHOTOS, TODAY)).toEqual({
      deputy: '请选择代表',
      kind: '请选择活动类型',
      date: '请选择活动日期',
      place: '请填写活动地点',
      note: '情况说明最多 500 字',
    });
    expect(activityErrors(FORM, { photos: [], uploading: 1, failed: 0 }, TODAY).photos).toBeTruthy();
  });

  it('sends the trimmed input, the note and photos only when there are some', () => {
    expect(toRecordInput(FORM, 'req-1', [])).toEqual({ requestId: 'req-1', deputyId: 'dp-001', kind: 'lawEnforcement', date: '2026-11-18', place: '莲花北农贸市场' });
    expect(toRecordInput({ ...FORM, note: ' 提出意见 ' }, 'req-1', [{ fileId: 'cloud://env/cases/2026/11/a.jpg' } as never])).toMatchObject({
      note: '提出意见',
      photoFileIds: ['cloud://env/cases/2026/11/a.jpg'],
    });
  });

  it('puts a server refusal next to its field', () => {
    expect(activityFieldOf('photoFileIds.3')).toBe('photos');
    expect(activityFieldOf('date')).toBe('date');
    expect(activityFieldOf(undefined)).toBeUndefined();
  });
});

describe('履职活动确认 list', () => {
  it('shapes a row: kind, day and place, status, the dispute’s reason', () => {
    expect(toActivityRow(DISPUTED_ACTIVITY)).toEqual({
      id: 'ac-2',
      title: '调研视察',
      meta: '2026-11-10 · 景田社区加装电梯项目',
      note: '',
      deputyName: '李明',
      statusLabel: '有异议',
      tone: 'problem',
      disputeReason: '代表异议：当天在外地出差，没有参加',
      photoUrls: [],
      canConfirm: false,
      canRevise: false,
      reviseUrl: '',
    });
    expect(toActivityRow({ ...WAITING_ACTIVITY, resends: 1 }).statusLabel).toBe('待确认（已更正）');
  });

  it('opens the form to correct a disputed one, filled in, only while it may be sent again', () => {
    const disputed = { ...DISPUTED_ACTIVITY, place: '景田社区 & 加装电梯', canRevise: true, canResend: true };
    const url = toActivityRow(disputed).reviseUrl;
    expect(url).toBe(reviseUrl(disputed));
    expect(url.startsWith('/packages/work/activity/index?revise=ac-2&')).toBe(true);
    const query = Object.fromEntries(
      url
        .split('?')[1]
        .split('&')
        .map((pair) => pair.split('=')),
    );
    const revision = revisionOf(query)!;
    expect(revision).toEqual({
      activityId: 'ac-2',
      deputy: { id: 'dp-001', name: '李明' },
      form: { deputyId: 'dp-001', kind: 'inspection', date: '2026-11-10', place: '景田社区 & 加装电梯', note: '' },
      kindIndex: 3,
    });
    expect(toReviseInput('ac-2', revision.form)).toEqual({ activityId: 'ac-2', kind: 'inspection', date: '2026-11-10', place: '景田社区 & 加装电梯', note: '' });
    expect(toActivityRow({ ...disputed, canResend: false }).reviseUrl).toBe('');
    expect(revisionOf({})).toBeUndefined();
  });

  it('puts what the reader must act on first', () => {
    const rows = toActivityRows({ activities: [CONFIRMED_ACTIVITY, WAITING_ACTIVITY], hasMore: false });
    expect(rows.map((r) => r.id)).toEqual(['ac-1', 'ac-3']);
  });

  it('gives the district office every row read-only, whatever the row says', () => {
    const page = { activities: [WAITING_ACTIVITY, { ...DISPUTED_ACTIVITY, canRevise: true, canResend: true }, CONFIRMED_ACTIVITY], hasMore: false };
    const rows = toActivityRows(page, 'admin');
    expect(rows.map((r) => [r.id, r.canConfirm, r.canRevise, r.reviseUrl])).toEqual([
      ['ac-1', false, false, ''],
      ['ac-2', false, false, ''],
      ['ac-3', false, false, ''],
    ]);
    expect(toActivityRows(page, 'officer').find((r) => r.id === 'ac-2')).toMatchObject({ canRevise: true });
    expect(emptyText('admin')).toBe('辖区内还没有登记的履职活动');
    expect([headingOf('admin'), headingOf('deputy'), headingOf('officer')]).toEqual(['代表履职活动', '履职活动确认', '履职活动确认']);
  });

  it('asks a dispute for a reason of two characters or more', () => {
    expect(disputeError(' 否 ')).toBe('请写明异议理由（至少 2 个字）');
    expect(disputeError('没去')).toBe('');
    expect(disputeError('字'.repeat(201))).toBe('异议理由最多 200 字');
    expect(emptyText('deputy')).toBe('还没有联络员为您登记的履职活动');
  });
});

describe('the station wall’s duty figures', () => {
  const figures = { period: { from: '2025-11-22', to: '2026-11-21' }, received: 0, closed: 0, rated: 0, satisfied: 0, respondedInTime: 0 };
  const card = (id: string, name: string, activities?: number) => ({
    id,
    name,
    level: 'district' as const,
    delegation: '',
    occupation: '',
    ...(activities === undefined ? {} : { activities }),
  });

  it('lists each deputy’s confirmed offline duties, and nothing when the answer carries none', async () => {
    const { toFiguresView } = await import('../../miniprogram/packages/station/detail/figures');
    expect(toFiguresView({ deputies: [card('dp-001', '李明', 2), card('dp-002', '张丽华', 0)], receptions: [] }, figures).duties).toEqual([
      { id: 'dp-001', label: '李明', value: '2 次' },
      { id: 'dp-002', label: '张丽华', value: '0 次' },
    ]);
    expect(toFiguresView({ deputies: [card('dp-001', '李明')], receptions: [] }, figures).duties).toEqual([]);
  });
});

describe('办理情况统计 by deputy', () => {
  it('shows each deputy’s confirmed offline duties, and nothing by station', async () => {
    const { toFigureRow } = await import('../../miniprogram/packages/admin/figures/view-model');
    const none = { numerator: 0, denominator: 0, value: null };
    const row = {
      id: 'dp-001',
      name: '李明',
      received: 0,
      responseRate: none,
      closureRate: none,
      satisfactionRate: none,
      medianFirstResponseHours: null,
      firstResponseSample: 0,
    };
    expect(toFigureRow({ ...row, activities: 3 } as never).activities).toBe('3 次');
    expect(toFigureRow(row as never).activities).toBe('');
  });
});
