/**
 * Test fixtures: a case in every status, arranged so that at NOW every command the table
 * allows also passes its own conditions (quiet periods over, deadlines passed, no rating).
 */
import type { Actor, IdGenerator } from './actor';
import type { CaseCommand, CaseCommandKind } from './case.commands';
import type { CaseState } from './case.state';
import type { CaseStatus } from './case.status';

export const NOW = new Date('2026-11-21T02:00:00Z'); // 10:00 in Shenzhen
const DAY = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY);
export const daysLater = (days: number): Date => new Date(NOW.getTime() + days * DAY);

export const STATION = 'st-ft-hf';
export const OTHER_STATION = 'st-ft-lh';

export const actors = {
  owner: { role: 'resident', id: 'u-owner', openid: 'o-owner' },
  otherResident: { role: 'resident', id: 'u-other', openid: 'o-other' },
  officer: { role: 'officer', id: 'sf-1', stationIds: [STATION] },
  officerElsewhere: { role: 'officer', id: 'sf-2', stationIds: [OTHER_STATION] },
  assignedDeputy: { role: 'deputy', id: 'dp-1', deputyId: 'dp-1' },
  addressedDeputy: { role: 'deputy', id: 'dp-3', deputyId: 'dp-3' },
  otherDeputy: { role: 'deputy', id: 'dp-9', deputyId: 'dp-9' },
  admin: { role: 'admin', id: 'sf-admin' },
  system: { role: 'system', id: 'scheduler' },
} as const satisfies Record<string, Actor>;

export type ActorName = keyof typeof actors;

export function sequentialIds(prefix = 'ev'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export function baseCase(overrides: Partial<CaseState> = {}): CaseState {
  return {
    id: 'case-1',
    receiptNo: 'FT20261101-0042',
    stationId: STATION,
    category: 'help',
    title: '小区路灯不亮',
    content: '华富村三号楼旁的路灯已经坏了两个星期，晚上很不安全。',
    photoFileIds: ['cloud://env-1.abc/cases/p1.jpg'],
    anonymous: false,
    publicConsent: true,
    ownerOpenid: 'o-owner',
    contact: { name: '王女士', phone: '13812345678' },
    targetDeputyId: 'dp-3',
    assignedDeputyId: 'dp-1',
    requestId: 'req-12345678',
    status: 'submitted',
    reopenCount: 0,
    submittedAt: daysAgo(30),
    updatedAt: daysAgo(5),
    version: 3,
    lastSeq: 3,
    ...overrides,
  };
}

/** A case in `status`, with the history that status implies. */
export function caseIn(status: CaseStatus, overrides: Partial<CaseState> = {}): CaseState {
  const accepted = { acceptedAt: daysAgo(28) };
  const byStatus: Record<CaseStatus, Partial<CaseState>> = {
    submitted: { dueAt: daysAgo(1) },
    accepted: { ...accepted, dueAt: daysAgo(1) },
    rejected: {},
    transferred: {
      ...accepted,
      transfer: { route: 'street_office', receivingBody: '华富街道办事处', deadline: daysAgo(1), at: daysAgo(20) },
      dueAt: daysAgo(1),
    },
    in_progress: { ...accepted, dueAt: daysAgo(1) },
    replied: { ...accepted, repliedAt: daysAgo(20) },
    closed: { ...accepted, repliedAt: daysAgo(25), closure: { at: daysAgo(5), how: 'auto', withoutRating: true } },
    withdrawn: {},
  };
  return baseCase({ status, ...byStatus[status], ...overrides });
}

/** A command that satisfies every condition of its own on a `caseIn(...)` case at NOW. */
export function happyCommand(kind: CaseCommandKind): CaseCommand {
  const commands: { [K in CaseCommandKind]: Extract<CaseCommand, { kind: K }> } = {
    withdraw: { kind: 'withdraw', reason: '问题已经自行解决' },
    supplement: { kind: 'supplement', note: '补充：坏的是靠近东门的那一盏' },
    rate: { kind: 'rate', rating: 'satisfied' },
    request_reopen: { kind: 'request_reopen', reason: '路灯修好两天又坏了' },
    accept: { kind: 'accept' },
    reject: { kind: 'reject', reason: '属于正在审理的诉讼事项', referral: '请向区人民法院诉讼服务中心咨询' },
    assign: { kind: 'assign', deputyId: 'dp-2', deputyStationIds: [STATION] },
    transfer: { kind: 'transfer', route: 'district_committee', receivingBody: '区城市管理和综合执法局', deadline: daysLater(20) },
    start: { kind: 'start' },
    reply: { kind: 'reply', content: '已联系物业，路灯于本周三修复。' },
    record_answer: { kind: 'record_answer', content: '已安排维修班组处理。', from: '华富街道办事处' },
    supervise: { kind: 'supervise', note: '请于本周内答复群众' },
    follow_up: { kind: 'follow_up', note: '电话回访，群众表示路灯已修好' },
    close: { kind: 'close' },
    merge: {
      kind: 'merge',
      into: { id: 'case-0', receiptNo: 'FT20261020-0007', stationId: STATION, submittedAt: daysAgo(40), status: 'in_progress' },
    },
    auto_close: { kind: 'auto_close' },
    escalate: { kind: 'escalate' },
    request_transfer: { kind: 'request_transfer', note: '涉及全区路灯维护，建议以代表函转区城管局', route: 'district_committee' },
    mark_suggestion: { kind: 'mark_suggestion', note: '关于老旧小区公共照明维护的建议' },
  };
  return commands[kind];
}

/** The actor who would normally issue `kind`. */
export function issuerOf(kind: CaseCommandKind): Actor {
  const byKind: Record<CaseCommandKind, ActorName> = {
    withdraw: 'owner',
    supplement: 'owner',
    rate: 'owner',
    request_reopen: 'owner',
    accept: 'officer',
    reject: 'officer',
    assign: 'officer',
    transfer: 'officer',
    start: 'officer',
    reply: 'officer',
    record_answer: 'officer',
    supervise: 'officer',
    follow_up: 'officer',
    close: 'officer',
    merge: 'officer',
    auto_close: 'system',
    escalate: 'system',
    request_transfer: 'assignedDeputy',
    mark_suggestion: 'assignedDeputy',
  };
  return actors[byKind[kind]];
}
