/**
 * Cases as the `case` function answers them, for the case pages' tests. Times are fixed
 * relative to NOW (the pages show them in Beijing time).
 */
import type { CaseDetail, CaseEventKind, CaseSummary, CaseTimelineEntry } from '../../../typings/case';

/** Saturday 21 November 2026, 14:30 in Beijing. */
export const NOW = new Date('2026-11-21T06:30:00.000Z');

export const minutesAgo = (minutes: number): string => new Date(NOW.getTime() - minutes * 60_000).toISOString();
export const daysAgo = (days: number): string => minutesAgo(days * 24 * 60);

export function caseSummary(over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 'case-1',
    receiptNo: 'FT20261121-0042',
    title: '莲花北村12栋楼道灯坏了',
    category: 'help',
    status: 'submitted',
    stationName: '华富街道人大代表联络站',
    submittedAt: minutesAgo(3),
    updatedAt: minutesAgo(3),
    unread: 0,
    awaitingRating: false,
    ...over,
  };
}

export function event(seq: number, kind: CaseEventKind, over: Partial<CaseTimelineEntry> = {}): CaseTimelineEntry {
  return { seq, kind, actorRole: 'system', actorName: '', at: minutesAgo(60), fromStatus: null, toStatus: 'submitted', ...over };
}

export function caseDetail(over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'case-1',
    receiptNo: 'FT20261121-0042',
    title: '莲花北村12栋楼道灯坏了',
    content: '12栋三单元楼道灯坏了两个星期，晚上老人上下楼很危险，希望尽快修好。',
    category: 'help',
    status: 'replied',
    station: { id: 'st-1', name: '华富街道人大代表联络站' },
    assignedDeputy: { id: 'dp-001', name: '李明' },
    anonymous: false,
    publicConsent: false,
    joinCount: 0,
    contact: { name: '张先生', phone: '13800138000' },
    photos: [{ fileId: 'cloud://env/cases/a.jpg', url: 'https://tmp.example/a.jpg' }],
    reopenCount: 0,
    submittedAt: daysAgo(10),
    updatedAt: minutesAgo(3),
    version: 3,
    availableCommands: ['supplement', 'rate', 'request_reopen'],
    timeline: [
      event(1, 'submitted', { actorRole: 'resident', actorName: '我', at: daysAgo(10), data: { category: 'help', anonymous: false } }),
      event(2, 'accepted', {
        actorRole: 'officer',
        actorName: '王芳',
        at: daysAgo(9),
        fromStatus: 'submitted',
        toStatus: 'accepted',
        data: { dueAt: '2026-12-05T02:00:00.000Z' },
      }),
      event(3, 'transferred', {
        actorRole: 'officer',
        actorName: '王芳',
        at: daysAgo(2),
        fromStatus: 'accepted',
        toStatus: 'transferred',
        data: { route: 'district_committee', receivingBody: '区住建局', deadline: '2026-12-05T02:00:00.000Z', viaDeputyLetter: true },
      }),
      event(4, 'replied', {
        actorRole: 'deputy',
        actorName: '李明',
        at: minutesAgo(3),
        fromStatus: 'transferred',
        toStatus: 'replied',
        note: '已联系物业更换灯管，今晚恢复照明。',
        photos: [{ fileId: 'cloud://env/cases/b.jpg', url: 'https://tmp.example/b.jpg' }],
      }),
    ],
    ...over,
  };
}

const NOTE = '联络员已与街道城建办、物业公司和社区工作站沟通，约定本周内到现场查看并给出维修方案，请您留意电话。';

/** A long-running case: 30 events of the kinds a real one collects, each with a note of ~50 characters. */
export function longTimeline(count = 30): CaseTimelineEntry[] {
  const kinds: CaseEventKind[] = ['supervised', 'followed_up', 'supplemented', 'answer_recorded'];
  return Array.from({ length: count }, (_x, i) =>
    i === 0
      ? event(1, 'submitted', { actorRole: 'resident', actorName: '我', at: daysAgo(60), data: { category: 'help', anonymous: false } })
      : event(i + 1, kinds[i % kinds.length], {
          actorRole: i % 2 ? 'officer' : 'deputy',
          actorName: i % 2 ? '王芳' : '李明',
          at: daysAgo(60 - i * 2),
          fromStatus: 'in_progress',
          toStatus: 'in_progress',
          note: NOTE,
          data: { from: '区住建局', escalated: false },
          photos: i % 5 === 0 ? [{ fileId: `cloud://env/cases/${i}.jpg`, url: `https://tmp.example/cases/${i}.jpg?sign=abcdef0123456789` }] : [],
        }),
  );
}
