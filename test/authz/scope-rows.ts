/**
 * One scope row per action: what a caller of a listed role acts on inside its scope, and what
 * an outsider of the same role must meet. `outsider`: 'refused' (FORBIDDEN or NOT_FOUND, the
 * default), a check of the outsider's answer (lists that must not show the subject), or 'none'
 * when the action has no subject beyond the caller themselves (their own profile, their own
 * new submission, public information).
 */
import type { ApiResult } from '../../typings/errors';
import { newOpenid } from '../backend/harness';
import type { CallerKind } from './callers';
import { DEPUTY_ID, ref, STATION, type Subjects } from './subjects';
import { submission } from '../backend/case-fixtures';
import { CALLERS } from './callers';
import { suggestionIn } from '../../backend/domain/suggestion/suggestion.fixtures';
import { assignment, storedSuggestion, storeSuggestions, UNITS } from '../backend/stored-suggestions';
import { SUGGESTION_SCOPE_ROWS } from './suggestion-scope-rows';
import { CONSULTATION_SCOPE_ROWS } from './consultation-scope-rows';

export interface Arranged {
  input: Record<string, unknown>;
  /** Default: the demo account of the role. */
  caller?: string;
  outsider?: 'refused' | 'none' | ((answer: ApiResult<any>) => void);
  /** Extra checks of the insider's answer. */
  inScope?: (answer: ApiResult<any>) => void;
}

export type ScopeRow = (kind: CallerKind, s: Subjects) => Promise<Arranged>;

/** A visit recorded by the demo officer at today's reception (with the demo deputy), converted into a case when asked. */
async function visitOf(s: Subjects, converted: boolean): Promise<{ visitId: string; code?: string }> {
  const receptionId = await s.receptionTodayId();
  const recorded = await s.backend.data(
    'reception',
    'recordVisit',
    { requestId: newOpenid('req-visit').slice(-30), receptionId, issue: '小区门口的路灯坏了一个月' },
    CALLERS.officer,
  );
  if (!converted) return { visitId: recorded.id };
  const made = await s.backend.data('reception', 'visitToCase', { visitId: recorded.id, requestId: newOpenid('req-convert').slice(-30) }, CALLERS.officer);
  return { visitId: recorded.id, code: made.claim.code };
}

/** An answered suggestion of the station whose answer may be published, stored as the lifecycle leaves it; answered now, so first on page 0. */
async function publishedSuggestionAt(s: Subjects, stationId: string): Promise<string> {
  const id = newOpenid('sg-published').slice(-40);
  const now = new Date();
  const lead = { unitId: 'unit-ft-zjj', unitName: '区住房和建设局' };
  await s.backend.db.collection('suggestions').add(
    suggestionIn('answered', {
      _id: id,
      deputyId: DEPUTY_ID,
      stationIds: [stationId],
      assignments: [{ ...lead, role: 'lead', deadline: new Date(now.getTime() + 60 * 86_400_000) }],
      leadUnitId: lead.unitId,
      unitIds: [lead.unitId],
      answers: [{ round: 1, ...lead, staffId: 'sf-unit-zjj', text: '已列入明年计划。', result: 'B', publishable: true, at: now, onTime: true }],
      answeredAt: now,
    }),
  );
  return id;
}

/** A suggestion of the demo deputy, assigned to the demo unit (区住房和建设局) with 华富街道办事处 assisting: never the outsider unit's. */
async function assignedSuggestion(s: Subjects): Promise<string> {
  const doc = storedSuggestion({
    _id: newOpenid('sg-matrix').slice(-40),
    status: 'assigned',
    number: '福田〔2026〕第99号',
    year: 2026,
    assignments: [assignment(UNITS.zjj, 'lead', '2026-07-10'), assignment(UNITS.hfjd, 'assist', '2026-05-10')],
    firstAssignedAt: new Date('2026-04-10T02:00:00Z'),
  });
  await storeSuggestions(s.backend, doc);
  return doc._id;
}

/** A year no other row stores a suggestion in: its figures count only this row's. */
const FIGURES_YEAR = 2031;

const HERE = { latitude: 22.5515, longitude: 114.0775 };

/** The outsider's list answers, but without the subject. */
const listsWithout =
  (pick: (data: any) => string[], id: string) =>
  (answer: ApiResult<any>): void => {
    if (!answer.ok) {
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(answer.error.code);
      return;
    }
    expect(pick(answer.data)).not.toContain(id);
  };

const listsWith =
  (pick: (data: any) => string[], id: string) =>
  (answer: ApiResult<any>): void => {
    expect(answer).toMatchObject({ ok: true });
    if (answer.ok) expect(pick(answer.data)).toContain(id);
  };

const publicRow: ScopeRow = async () => ({ input: {}, outsider: 'none' });

/** A command on a fresh case in the right status, by the case's owner when the role is resident. */
const caseCommand =
  (status: 'submitted' | 'accepted' | 'assigned' | 'replied' | 'letter', extra: (kind: CallerKind) => Record<string, unknown> = () => ({})): ScopeRow =>
  async (kind, s) => {
    const subject =
      status === 'submitted'
        ? await s.submitted()
        : status === 'accepted'
          ? await s.accepted()
          : status === 'assigned'
            ? await s.assigned()
            : status === 'replied'
              ? await s.replied()
              : await s.transferredByLetter();
    return { input: { ...ref(subject), ...extra(kind) }, caller: kind === 'resident' ? subject.owner : undefined };
  };

export const SCOPE_ROWS: Record<string, ScopeRow> = {
  // ── 代表建议: the lifecycle (suggestion-scope-rows.ts) ──
  ...SUGGESTION_SCOPE_ROWS,
  ...CONSULTATION_SCOPE_ROWS,
  // ── public station information ──
  'station.nearby': async () => ({ input: { ...HERE }, outsider: 'none' }),
  'station.search': async () => ({ input: { query: '华富' }, outsider: 'none' }),
  'station.get': async () => ({ input: { id: STATION }, outsider: 'none' }),
  // The case closed last is the first of the board's first page.
  'station.board': async (_kind, s) => {
    const subject = await s.closedPublic();
    const ids = (data: any) => data.cases.map((c: { id: string }) => c.id);
    return { input: { stationId: STATION }, outsider: 'none', inScope: listsWith(ids, subject.caseId) };
  },
  // Public; a case its resident kept private answers exactly as an id that does not exist.
  'station.publicCase': async (_kind, s) => {
    const subject = await s.closedPublic();
    const hidden = await s.privateAccepted();
    const answer = async (caseId: string) => (await s.backend.callRaw('station', { action: 'publicCase', caseId })).body;
    const missing = await answer('no-such-case-0000');
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await answer(hidden.caseId)).toEqual(missing);
    return { input: { caseId: subject.caseId }, outsider: 'none', inScope: (a) => expect(a).toMatchObject({ ok: true, data: { id: subject.caseId } }) };
  },
  'subscription.templates': publicRow,
  // Public: an answer its unit allowed to publish shows on its station's list, whoever asks.
  'suggestion.published': async (_kind, s) => {
    const id = await publishedSuggestionAt(s, STATION);
    const ids = (data: any) => data.suggestions.map((one: { id: string }) => one.id);
    return { input: { stationId: STATION }, outsider: 'none', inScope: listsWith(ids, id) };
  },
  'reception.list': async () => ({ input: { stationId: STATION }, outsider: 'none' }),
  // The office's figures count its own district's: another district's office counts none of them.
  'suggestion.figures': async (_kind, s) => {
    await storeSuggestions(s.backend, storedSuggestion({ _id: newOpenid('sg-figures').slice(-40), status: 'accepted', year: FIGURES_YEAR }));
    return {
      input: { year: FIGURES_YEAR },
      inScope: (answer) => {
        expect(answer).toMatchObject({ ok: true });
        if (answer.ok) expect(answer.data.accepted).toBeGreaterThanOrEqual(1);
      },
      outsider: (answer) => expect(answer).toMatchObject({ ok: true, data: { year: FIGURES_YEAR, accepted: 0 } }),
    };
  },
  // The 代表建议 for its author; the 交办单 for the office and the lead unit. Another deputy, district's office or unit: NOT_FOUND.
  'suggestion.document': async (kind, s) => ({
    input: { suggestionId: await assignedSuggestion(s), kind: kind === 'deputy' ? 'suggestion' : 'assignment' },
    inScope: (answer) => expect(answer).toMatchObject({ ok: true, data: { fileId: expect.stringContaining('suggestion-documents/') } }),
  }),

  // ── the caller's own things ──
  'user.whoami': publicRow,
  'user.profile': publicRow,
  'user.duty': publicRow,
  'user.export': publicRow,
  // 履职登记: for a deputy of the officer's stations; another station's officer is refused.
  'user.recordActivity': async (_kind, s) => ({ input: s.activityInput() }),
  // Only the deputy it is about confirms; another deputy does not find it.
  'user.confirmActivity': async (_kind, s) => ({ input: { activityId: await s.activity('recorded'), confirm: true } }),
  'user.reviseActivity': async (_kind, s) => ({ input: { activityId: await s.activity('disputed'), withdraw: true } }),
  // The deputy's own, the officer's stations', the office's district: another one's list leaves it out.
  'user.activities': async (_kind, s) => {
    const id = await s.activity('recorded');
    const ids = (data: any) => data.activities.map((a: { id: string }) => a.id);
    return { input: {}, inScope: listsWith(ids, id), outsider: listsWithout(ids, id) };
  },
  // Only the caller's own account, so a fresh resident deletes theirs; no subject for an outsider.
  'user.deleteAccount': async () => ({ input: { confirm: '注销' }, caller: newOpenid('matrix-delete'), outsider: 'none' }),
  'user.redeem': async (kind, s) => ({
    input: { code: await s.openInvite() },
    // A resident redeems; a work role already bound gets CONFLICT, which is past authorisation.
    caller: kind === 'resident' ? newOpenid('matrix-redeem') : undefined,
    outsider: 'none',
  }),
  'subscription.record': async () => ({ input: { results: {} }, outsider: 'none' }),
  'case.submit': async () => ({ input: { ...submission({ stationId: STATION }) }, caller: newOpenid('matrix-submit'), outsider: 'none' }),
  'case.mine': publicRow,
  'reception.mine': publicRow,
  'reception.book': async (_kind, s) => {
    const owner = newOpenid('matrix-book');
    return { input: await s.bookingInput(owner), caller: owner, outsider: 'none' };
  },
  'reception.following': async () => ({ input: { stationId: STATION }, caller: newOpenid('matrix-following'), outsider: 'none' }),
  'reception.follow': async () => ({ input: { stationId: STATION, follow: true }, caller: newOpenid('matrix-follow'), outsider: 'none' }),
  // A resident who follows the station lists it; another resident's list does not show it.
  'reception.followed': async (_kind, s) => {
    const follower = newOpenid('matrix-followed');
    await s.backend.data('reception', 'follow', { stationId: STATION, follow: true }, follower);
    const ids = (data: any) => data.stations.map((st: { id: string }) => st.id);
    return { input: {}, caller: follower, inScope: listsWith(ids, STATION), outsider: listsWithout(ids, STATION) };
  },
  'reception.cancel': async (_kind, s) => {
    const { bookingId, owner } = await s.booking();
    return { input: { bookingId }, caller: owner };
  },

  // ── cases ──
  'case.get': async (kind, s) => {
    const subject = await s.submitted();
    return { input: { caseId: subject.caseId }, caller: kind === 'resident' ? subject.owner : undefined };
  },
  'case.inbox': async (_kind, s) => {
    const subject = await s.assigned();
    const ids = (data: any) => data.cases.map((c: { id: string }) => c.id);
    return { input: { filter: 'all' }, inScope: listsWith(ids, subject.caseId), outsider: listsWithout(ids, subject.caseId) };
  },
  'case.withdraw': caseCommand('submitted'),
  'case.supplement': caseCommand('submitted', () => ({ note: '补充：路灯在三号楼东侧。' })),
  'case.rate': caseCommand('replied', () => ({ rating: 'satisfied' })),
  'case.reopen': caseCommand('replied', () => ({ reason: '路灯修好后第二天又坏了。' })),
  // With the category the officer chooses (a 不确定 case's): the new field changes nobody's scope.
  'case.accept': caseCommand('submitted', () => ({ category: 'help' })),
  'case.reject': caseCommand('submitted', () => ({ reason: '属于物业合同纠纷', referral: '请向华富街道司法所申请调解' })),
  'case.assign': caseCommand('accepted', () => ({ deputyId: DEPUTY_ID })),
  'case.start': caseCommand('accepted'),
  'case.reply': caseCommand('assigned', () => ({ content: '已联系物业，本周内修复。' })),
  'case.close': caseCommand('replied'),
  'case.transfer': caseCommand('accepted', () => ({
    route: 'street_office',
    receivingBody: '华富街道办事处',
    deadline: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
  })),
  'case.recordAnswer': caseCommand('letter', () => ({ content: '区住建局已将该小区列入明年改造计划。' })),
  'case.supervise': caseCommand('assigned', () => ({ note: '请加快办理。' })),
  'case.followUp': caseCommand('replied', () => ({ note: '回访：路灯正常，居民满意。' })),
  'case.merge': async (_kind, s) => {
    const earlier = await s.submitted();
    const later = await s.submitted();
    return { input: { ...ref(later), intoReceiptNo: earlier.receiptNo } };
  },
  'case.requestTransfer': caseCommand('assigned', () => ({ note: '涉及全区规划，建议以代表函转区人大常委会。' })),
  'case.markSuggestion': caseCommand('assigned', () => ({ note: '全区普遍存在，拟提交代表建议。' })),
  'case.letter': async (_kind, s) => ({ input: { caseId: (await s.transferredByLetter()).caseId } }),
  // Paths are issued to the caller alone: there is no subject an outsider could reach.
  'case.uploadPaths': async () => ({ input: { extensions: ['jpg', 'mp3'] }, outsider: 'none' }),
  // 我也遇到: any resident may find and join another's open public case (accepted, allowed by its resident): no outsider.
  'case.similar': async () => ({ input: { stationId: STATION, title: '小区路灯不亮' }, outsider: 'none' }),
  'case.join': async (_kind, s) => ({ input: { caseId: (await s.accepted(false)).caseId, note: '我家楼下的路灯也不亮。' }, outsider: 'none' }),
  'case.unjoin': async (_kind, s) => ({ input: { caseId: (await s.accepted(false)).caseId }, outsider: 'none' }),
  // A resident who joined lists the case; another resident's list does not show it. (The privacy suite's
  // anonymous pass makes anonymous subjects, which nobody can join: then there is nothing to list.)
  'case.joined': async (_kind, s) => {
    const joiner = newOpenid('matrix-joiner');
    const { caseId } = await s.accepted(false);
    const joined = await s.backend.call('case', 'join', { caseId }, joiner);
    const ids = (data: any) => data.cases.map((c: { id: string }) => c.id);
    return { input: {}, caller: joiner, ...(joined.ok ? { inScope: listsWith(ids, caseId) } : {}), outsider: listsWithout(ids, caseId) };
  },

  // ── receptions ──
  'reception.schedule': async () => ({ input: { stationId: STATION } }),
  'reception.publish': async (_kind, s) => ({ input: s.publishInput() }),
  'reception.checkIn': async (_kind, s) => ({ input: await s.receptionToday() }),
  // An officer of another street's station is refused the code of this station's reception.
  'reception.presenceCode': async (_kind, s) => ({ input: { receptionId: await s.receptionTodayId() } }),
  // 代表论坛 / 约见: public to read; any resident may come and ask (a fresh account each time, under the per-event limit);
  // the questions are for the station's officers and the event's deputies; the 活动回顾 for the station's officers.
  'reception.event': async (_kind, s) => ({ input: { receptionId: await s.forum('ahead') }, outsider: 'none' }),
  'reception.attend': async (_kind, s) => ({ input: { receptionId: await s.forum('ahead'), attending: true }, caller: newOpenid('matrix-attend'), outsider: 'none' }),
  'reception.ask': async (_kind, s) => ({
    input: { receptionId: await s.forum('ahead'), question: '电梯加装的费用怎么分摊？' },
    caller: newOpenid('matrix-ask'),
    outsider: 'none',
  }),
  'reception.questions': async (_kind, s) => ({ input: { receptionId: await s.forum('ahead') } }),
  'reception.summarise': async (_kind, s) => ({
    input: { receptionId: await s.forum('over'), summary: '论坛邀请区住房和建设局答复了加装电梯的补贴政策。', photoFileIds: [] },
  }),

  // 接待日登记: the station's officers and the deputies of today's reception; an outsider of either role is refused.
  'reception.recordVisit': async (_kind, s) => ({
    input: { requestId: newOpenid('req-rv').slice(-30), receptionId: await s.receptionTodayId(), issue: '楼道里的消防栓没有水' },
  }),
  'reception.visits': async (_kind, s) => ({ input: { receptionId: await s.receptionTodayId() } }),
  'reception.visitToCase': async (_kind, s) => ({ input: { visitId: (await visitOf(s, false)).visitId, requestId: newOpenid('req-vc').slice(-30) } }),
  'reception.claimCode': async (_kind, s) => ({ input: { visitId: (await visitOf(s, true)).visitId } }),
  // Any resident may claim with the code (a fresh account each time); the code is the only scope.
  'case.claim': async (_kind, s) => ({ input: { code: (await visitOf(s, true)).code! }, caller: newOpenid('matrix-claim'), outsider: 'none' }),

  // ── 述职报告 ──
  // Always about the demo deputy: the outsider deputy may publish only their own, the outsider officer not for a deputy of another street.
  'report.publish': async (_kind, s) => ({ input: s.reportInput() }),
  'report.list': async () => ({ input: { stationId: STATION }, outsider: 'none' }),
  'report.get': async (_kind, s) => ({ input: { reportId: await s.report() }, outsider: 'none' }),
  // Any resident may rate any report, once: a fresh report per row.
  'report.rate': async (_kind, s) => ({ input: { reportId: await s.report(), rating: 'satisfied' }, outsider: 'none' }),

  // ── the district office ──
  'admin.stations': async () => {
    const ids = (data: any) => data.stations.map((st: { id: string }) => st.id);
    return { input: {}, inScope: listsWith(ids, STATION), outsider: listsWithout(ids, STATION) };
  },
  'admin.saveStation': async (_kind, s) => {
    const station = await s.station();
    const [longitude, latitude] = station.location.coordinates;
    return {
      input: {
        id: station._id,
        code: station.code,
        name: station.name,
        kind: station.kind,
        street: station.street,
        ...(station.community ? { community: station.community } : {}),
        address: station.address,
        latitude,
        longitude,
        phone: station.phone,
        hours: station.hours,
        officerIds: station.officerIds,
        rules: station.rules,
      },
    };
  },
  'admin.stationCode': async () => ({ input: { stationId: STATION } }),
  'admin.stationPoster': async () => ({ input: { stationId: STATION } }),
  'admin.people': async () => {
    const ids = (data: any) => data.people.map((p: { id: string }) => p.id);
    return { input: { kind: 'deputy', stationId: STATION }, inScope: listsWith(ids, DEPUTY_ID), outsider: listsWithout(ids, DEPUTY_ID) };
  },
  'admin.saveDeputy': async (_kind, s) => {
    // dp-001 as stored, so saving it changes nothing the other rows rely on.
    const { data } = await s.backend.db.collection('deputies').doc(DEPUTY_ID).get();
    const deputy = data[0] as { name: string; level: string; delegation: string; occupation: string; stationIds: string[] };
    const { name, level, delegation, occupation, stationIds } = deputy;
    return { input: { id: DEPUTY_ID, name, level, delegation, occupation, stationIds } };
  },
  'admin.saveOfficer': async (_kind, s) => {
    const { data } = await s.backend.db.collection('staff').doc('sf-ft-hf').get();
    const officer = data[0] as { name: string; phone: string; stationIds: string[] };
    return { input: { id: 'sf-ft-hf', name: officer.name, phone: officer.phone, stationIds: officer.stationIds } };
  },
  'admin.createInvite': async (_kind, s) => ({ input: { role: 'deputy', personId: await s.freshDeputy() } }),
  'admin.invites': async (_kind, s) => {
    const code = await s.openInvite();
    const codes = (data: any) => data.invites.map((i: { code: string }) => i.code);
    return { input: {}, inScope: listsWith(codes, code), outsider: listsWithout(codes, code) };
  },
  'admin.revokeInvite': async (_kind, s) => ({ input: { code: await s.openInvite() } }),
  'admin.unbind': async (_kind, s) => ({ input: { personId: await s.boundDeputy() } }),
  'admin.figures': async () => {
    const ids = (data: any) => data.rows.map((r: { id: string }) => r.id);
    const to = new Date().toISOString().slice(0, 10);
    return { input: { by: 'station', from: `${to.slice(0, 4)}-01-01`, to }, inScope: listsWith(ids, STATION), outsider: listsWithout(ids, STATION) };
  },
  // 承办单位: 福田区's units for its office; another district's office lists none of them and touches none.
  'admin.units': async () => {
    const ids = (data: any) => data.units.map((u: { id: string }) => u.id);
    return { input: {}, inScope: listsWith(ids, 'unit-ft-zjj'), outsider: listsWithout(ids, 'unit-ft-zjj') };
  },
  // Saved as it is stored, so the row changes nothing the suggestion rows rely on.
  'admin.saveUnit': async () => ({ input: { id: 'unit-ft-hfjd', name: '华富街道办事处', kind: 'street' } }),
  'admin.saveUnitStaff': async (_kind, s) => {
    const { data } = await s.backend.db.collection('staff').doc('sf-unit-zjj').get();
    const staff = data[0] as { name: string; phone: string; unitId: string };
    return { input: { id: 'sf-unit-zjj', unitId: staff.unitId, name: staff.name, phone: staff.phone } };
  },
};
