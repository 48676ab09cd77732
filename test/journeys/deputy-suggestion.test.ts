/** @jest-environment jsdom */
/**
 * 代表建议, end to end: two residents write to the demo deputy about the same 华富村 problem; the
 * deputy links both cases into one suggestion; the district office accepts it and assigns
 * 区住房和建设局 (lead) and 区城市管理和综合执法局 (assisting); the lead asks for an extension and
 * gets it, then answers B; the deputy rates 不满意; the unit answers again, A; the deputy rates
 * 满意 and it closes. Throughout, both residents are told on their own grants (立案, each answer,
 * 办结) and see the published answer on their case; the office's figures, the 履职档案 and the
 * public board show it.
 *
 * Expected figures are worked out here by hand from what the steps do, never read back from the
 * code under test. The steps share one suggestion and run in order.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDetail } from '../../typings/case';
import type { SuggestionDetail, SuggestionFigures } from '../../typings/suggestion';
import type { DutyRecord } from '../../typings/workspace';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import { openPage, shanghaiToday, tap, textOf, textsOf, type, until } from './support/journey';
import { allowNotices, ruleBreaches } from './support/notices';
import type { WxPlatform } from '../support/wx-platform';
import type { RemoteBackend } from './support/remote-backend';
import { startJourney } from './support/start';

const RESIDENTS = ['odemo-resident', 'odemo-resident-2'];
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const ADMIN = 'odemo-admin';
const LEAD = 'odemo-unit';
const LEAD_UNIT = 'unit-ft-zjj';
const ASSIST = 'odemo-unit-2';
const ASSIST_UNIT = 'unit-ft-cgj';
/** 华富街道办事处: a unit of the district with no part in this suggestion. */
const OUTSIDER_UNIT = 'unit-ft-hfjd';
const OUTSIDER = 'ojourney-outsider-unit';
/** 华富街道's street station, where dp-001 is stationed. */
const STATION_ID = 'st-ft-hf';

const TITLE = '关于加快华富村老旧小区加装电梯的建议';
const PROBLEM = '华富村5栋、7栋为上世纪九十年代建成的多层住宅，老年住户多，上下楼困难，居民多次反映加装电梯推进慢。';
const PROPOSAL = '建议区住房和建设局会同华富街道简化加装电梯审批流程，加大财政补贴，2027年底前完成华富村5栋、7栋加装电梯。';
const ANSWER_B = '区住房和建设局已将华富村5栋、7栋列入2027年加装电梯计划，正在开展可行性评估和业主意见征询。';
const ANSWER_A = '经与华富街道共同推进，华富村5栋、7栋加装电梯已完成业主签字和规划公示，施工单位已进场，预计三个月内完工。';

/** 'YYYY-MM-DD' plus n calendar months, the day clipped to the month's end (by hand, not the code's clock). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

describe('代表建议: two residents’ cases → a suggestion → assigned, extended, answered B, 不满意, answered A, 满意 → closed', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let templates: { caseStatusChanged: string; caseReplied: string; handlerTask: string };
  let dutyBefore: DutyRecord;
  let figuresBefore: SuggestionFigures;
  const pages = { edit: '', detail: '', caseDetail: '' };
  const journey = { caseIds: [] as string[], suggestionId: '', number: '' };
  const started = Date.now();
  const year = Number(shanghaiToday().slice(0, 4));

  beforeAll(async () => {
    ({ backend, wx } = await startJourney(['station', 'case', 'subscription', 'user', 'scheduler', 'suggestion', 'admin'], DEPUTY));
    Object.assign(pages, loadPages({ edit: 'packages/suggestion/edit/index', detail: 'packages/suggestion/detail/index', caseDetail: 'packages/case/detail/index' }));
    templates = await backend.data('subscription', 'templates', {});
    dutyBefore = await backend.data('user', 'duty', {}, DEPUTY);
    figuresBefore = await backend.data('suggestion', 'figures', { year }, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] deputy suggestion: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  const suggestion = (openid: string): Promise<SuggestionDetail> => backend.data('suggestion', 'get', { suggestionId: journey.suggestionId }, openid);
  /** What the scheduler's tick delivered to `openid` of caseStatusChanged, as the status field says. */
  async function statusNotices(openid: string): Promise<string[]> {
    const sent = await backend.wx.sent({ openid, templateId: templates.caseStatusChanged });
    for (const message of sent) expect(ruleBreaches(message)).toEqual([]);
    return sent.map((m) => Object.entries(m.data).find(([key]) => key.startsWith('phrase'))![1].value).filter((s) => s.startsWith('建议'));
  }
  async function tick(): Promise<void> {
    expect(await backend.fireTimer('scheduler', 'tick')).toMatchObject({ status: 200, body: { ok: true } });
  }

  it('1. two residents write to the deputy; the officer accepts both and assigns them to the deputy', async () => {
    for (const [index, resident] of RESIDENTS.entries()) {
      const { caseId } = await backend.data(
        'case',
        'submit',
        {
          requestId: `journey-${randomUUID()}`,
          stationId: STATION_ID,
          deputyId: DEPUTY_ID,
          category: 'suggestion',
          title: index === 0 ? '华富村5栋老人上下楼难，盼加装电梯' : '7栋加装电梯迟迟没有进展',
          content: index === 0 ? '5栋住着十几位八十岁以上的老人，没有电梯下楼很难，希望加装电梯。' : '7栋去年就申请加装电梯，至今没有消息，希望代表帮忙推动。',
        },
        resident,
      );
      let detail: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);
      detail = await backend.data('case', 'accept', { caseId, version: detail.version }, OFFICER);
      await backend.data('case', 'assign', { caseId, version: detail.version, deputyId: DEPUTY_ID }, OFFICER);
      journey.caseIds.push(caseId);
    }
    // From here on each resident allows the status notices the suggestion will send (立案, 答复 ×2, 办结).
    for (const resident of RESIDENTS) await allowNotices(backend, resident, { [templates.caseStatusChanged]: 4 });
  });

  it('2. the deputy writes a suggestion on the real page from the first case, links the second, and submits it', async () => {
    config.localOpenid = DEPUTY;
    const page = await openPage(pages.edit, { fromCaseId: journey.caseIds[0] }, 'the suggestion editor');
    // Started from the case: linked, its title and content as the problem to begin with.
    expect(page.data.cases.map((c: { id: string }) => c.id)).toEqual([journey.caseIds[0]]);
    expect(page.data.form.problem).toContain('5栋住着十几位八十岁以上的老人');
    type(page, '.field-title', TITLE);
    type(page, '.field-problem', PROBLEM);
    type(page, '.field-proposal', PROPOSAL);
    await until(() => page.data.form.proposal === PROPOSAL && page.data.form.title === TITLE, 'the text');

    tap(page.querySelector('.pick-cases'), '.van-cell');
    await until(() => page.data.rowsState === 'loaded', 'the deputy’s cases', 15_000);
    page.querySelector(`.pick-row-${journey.caseIds[1]}`)!.dispatchEvent('tap');
    await until(() => page.data.rows.find((r: { id: string }) => r.id === journey.caseIds[1])?.chosen === true, 'the second case to be chosen');
    tap(page.querySelector('.done'));
    await until(() => page.data.cases.length === 2, 'both cases linked');

    const before = wx.navigations.length;
    tap(page.querySelector('.submit'));
    await until(() => wx.navigations.slice(before).some((n) => n.url?.startsWith('/packages/suggestion/detail/index?id=')), 'the way to the suggestion', 15_000);
    journey.suggestionId = new URLSearchParams(wx.navigations.at(-1)!.url!.split('?')[1]).get('id')!;

    const detail = await suggestion(DEPUTY);
    expect(detail).toMatchObject({ status: 'submitted', title: TITLE, problem: PROBLEM, proposal: PROPOSAL, deputy: { id: DEPUTY_ID } });
    expect(detail.cases.map((c) => c.id).sort()).toEqual([...journey.caseIds].sort());
    // Not yet accepted, so not yet the residents' business: their cases show nothing of it.
    for (const [index, resident] of RESIDENTS.entries()) expect((await backend.data('case', 'get', { caseId: journey.caseIds[index] }, resident)).suggestion).toBeUndefined();
  });

  it('3. the office accepts it (numbered) and assigns a lead and an assisting unit; both residents are told', async () => {
    let detail = await backend.data('suggestion', 'review', { suggestionId: journey.suggestionId, decision: 'accept' }, ADMIN);
    expect(detail.status).toBe('accepted');
    expect(detail.number).toMatch(new RegExp(`${year}`));
    journey.number = detail.number!;
    detail = await backend.data('suggestion', 'assign', { suggestionId: journey.suggestionId, leadUnitId: LEAD_UNIT, assistUnitIds: [ASSIST_UNIT] }, ADMIN);
    expect(detail.status).toBe('assigned');
    const today = shanghaiToday();
    // By hand: the lead has 3 months, the assisting unit 1 (config/suggestions.json).
    expect(detail.assignments.map((a) => [a.unit.id, a.role, a.deadline])).toEqual([
      [LEAD_UNIT, 'lead', addMonths(today, 3)],
      [ASSIST_UNIT, 'assist', addMonths(today, 1)],
    ]);
    // A third unit's staff, given the role by the office's invite as officers are, is not a party: nothing to see.
    const unit = await backend.data('admin', 'saveUnitStaff', { unitId: OUTSIDER_UNIT, name: '李明', phone: '0755-83000000' }, ADMIN);
    const staffId = unit.staff.find((p) => p.name === '李明')!.id;
    const invite = await backend.data('admin', 'createInvite', { role: 'unit', personId: staffId }, ADMIN);
    expect(await backend.data('user', 'redeem', { code: invite.code }, OUTSIDER)).toMatchObject({ role: 'unit', unit: { id: OUTSIDER_UNIT } });
    expect(await backend.call('suggestion', 'get', { suggestionId: journey.suggestionId }, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await backend.data('suggestion', 'list', {}, OUTSIDER)).suggestions).toEqual([]);
    await tick();
    for (const resident of RESIDENTS) expect(await statusNotices(resident)).toEqual(['建议已立案']);
  });

  it('4. the assisting unit sends its opinion; the lead asks for an extension and the office grants it', async () => {
    await backend.data('suggestion', 'assist', { suggestionId: journey.suggestionId, opinion: '城管部门将配合做好施工期间的占道审批和安全巡查。' }, ASSIST);
    const until4 = addMonths(shanghaiToday(), 4);
    let detail = await backend.data(
      'suggestion',
      'request',
      { suggestionId: journey.suggestionId, kind: 'extension', reason: '需完成业主意见征询和规划公示，时间较长', until: until4 },
      LEAD,
    );
    expect(detail.pendingRequest).toBe('extension');
    // One request at a time, and only the lead may ask.
    expect(await backend.call('suggestion', 'request', { suggestionId: journey.suggestionId, kind: 'extension', reason: '再次申请', until: until4 }, LEAD)).toMatchObject({
      ok: false,
    });
    expect(
      await backend.call('suggestion', 'request', { suggestionId: journey.suggestionId, kind: 'extension', reason: '协办也想延期', until: until4 }, ASSIST),
    ).toMatchObject({ ok: false });
    detail = await backend.data('suggestion', 'decide', { suggestionId: journey.suggestionId, grant: true, note: '同意延期' }, ADMIN);
    expect(detail.deadline).toBe(until4);
    expect(detail.pendingRequest).toBeUndefined();
  });

  it('5. the lead answers B (publishable); the residents are told and see the answer on their case', async () => {
    const detail = await backend.data('suggestion', 'answer', { suggestionId: journey.suggestionId, text: ANSWER_B, result: 'B', publishable: true }, LEAD);
    expect(detail.status).toBe('answered');
    await tick();
    for (const [index, resident] of RESIDENTS.entries()) {
      expect(await statusNotices(resident)).toEqual(['建议已立案', '建议已答复']);
      const own = await backend.data('case', 'get', { caseId: journey.caseIds[index] }, resident);
      expect(own.suggestion).toMatchObject({ id: journey.suggestionId, title: TITLE, answer: { text: ANSWER_B } });
      // Never the other resident's case or anyone's identity.
      expect(JSON.stringify(own.suggestion)).not.toContain(journey.caseIds[1 - index]);
    }
  });

  it('6. the deputy rates 不满意 on the suggestion page; it goes back to the unit for one more month', async () => {
    config.localOpenid = DEPUTY;
    const page = await openPage(pages.detail, { id: journey.suggestionId }, 'the suggestion page');
    expect(textOf(page)).toContain(ANSWER_B);
    expect(textOf(page)).toContain('B 正在解决或列入计划');
    expect(textsOf(page, '.main--action')).toEqual(['评价答复']);
    tap(page.querySelector('.action-rate'));
    await until(() => page.data.popup === 'rate', 'the rating sheet');
    tap(page.querySelector('.rating-unsatisfied'), '.van-cell');
    await until(() => page.data.form.rating === 'unsatisfied', 'the choice');
    type(page, '.field-text', '只是列入计划，没有明确完工时间');
    await until(() => page.data.form.text !== '', 'the reason');
    tap(page.querySelector('.send'));
    await until(() => page.data.popup === '', 'the rating to be sent', 15_000);

    const detail = await suggestion(DEPUTY);
    expect(detail).toMatchObject({ status: 'assigned', round: 2 });
    // By hand: one more month from today (config/suggestions.json reanswerMonths).
    expect(detail.deadline).toBe(addMonths(shanghaiToday(), 1));
    expect(detail.answers[0].rating).toMatchObject({ value: 'unsatisfied', comment: '只是列入计划，没有明确完工时间' });
    // The unit's staff were told to answer again (待办事项提醒).
    const told = await backend.find<{ openid: string; kind: string }>('notifications', { openid: LEAD, kind: 'handlerTask' });
    expect(told.length).toBeGreaterThanOrEqual(2);
  });

  it('7. the unit answers again, A; the deputy rates 满意; it closes and the residents hear of both', async () => {
    // The lead unit's staff answer on the real page: its actions in round 2 are to answer (no second extension).
    config.localOpenid = LEAD;
    const page = await openPage(pages.detail, { id: journey.suggestionId }, 'the unit’s suggestion page');
    expect(textsOf(page, '.main--action')).toContain('重新答复');
    expect(textOf(page)).toContain('只是列入计划，没有明确完工时间');
    tap(page.querySelector('.action-answer'));
    await until(() => page.data.popup === 'answer', 'the answer sheet');
    type(page, '.field-text', ANSWER_A);
    tap(page.querySelector('.result-A'), '.van-cell');
    await until(() => page.data.form.result === 'A' && page.data.form.text === ANSWER_A && page.data.form.publishable === true, 'the answer');
    tap(page.querySelector('.send'));
    await until(() => page.data.popup === '', 'the answer to be sent', 15_000);
    let detail = await suggestion(LEAD);
    expect(detail).toMatchObject({ status: 'answered', round: 2 });
    expect(detail.answers.map((a) => [a.round, a.result, a.publishable])).toEqual([
      [1, 'B', true],
      [2, 'A', true],
    ]);
    detail = await backend.data('suggestion', 'rate', { suggestionId: journey.suggestionId, rating: 'satisfied' }, DEPUTY);
    expect(detail.status).toBe('closed');
    await tick();
    for (const resident of RESIDENTS) expect(await statusNotices(resident)).toEqual(['建议已立案', '建议已答复', '建议已答复', '建议已办结']);
    config.localOpenid = RESIDENTS[0];
    const own = await openPage(pages.caseDetail, { id: journey.caseIds[0] }, 'the resident’s case');
    expect(textOf(own)).toContain(ANSWER_A);
    expect(textOf(own)).toContain(TITLE);
  });

  it('8. the office’s figures, the 履职档案 and the public board show it', async () => {
    const figures: SuggestionFigures = await backend.data('suggestion', 'figures', { year }, ADMIN);
    // By hand: one more accepted and answered (on time: before the extended deadline), its final class A, the deputy satisfied.
    expect(figures.accepted).toBe(figuresBefore.accepted + 1);
    expect(figures.answered).toBe(figuresBefore.answered + 1);
    expect(figures.results.A).toBe(figuresBefore.results.A + 1);
    expect(figures.results.B).toBe(figuresBefore.results.B);
    expect(figures.satisfaction.numerator).toBe(figuresBefore.satisfaction.numerator + 1);
    expect(figures.satisfaction.denominator).toBe(figuresBefore.satisfaction.denominator + 1);
    expect(figures.answeredOnTime.numerator).toBe(figuresBefore.answeredOnTime.numerator + 1);

    const duty: DutyRecord = await backend.data('user', 'duty', {}, DEPUTY);
    const count = (record: DutyRecord) => record.items.find((i) => i.key === 'suggestions')!.count;
    expect(count(duty)).toBe(count(dutyBefore) + 1);

    const board = await backend.data('suggestion', 'published', { stationId: STATION_ID });
    const shown = board.suggestions.find((s) => s.id === journey.suggestionId)!;
    expect(shown).toMatchObject({ title: TITLE, result: 'A', answer: ANSWER_A });
    for (const id of [...journey.caseIds, ...RESIDENTS]) expect(JSON.stringify(board)).not.toContain(id);
  });
});
