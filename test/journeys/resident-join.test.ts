/** @jest-environment jsdom */
/**
 * 我也遇到 and 办理公开, end to end: a first resident's case (allowed public, with a name and a
 * phone number) is accepted; a second resident, composing on the real page, is shown it as a
 * look-alike — title, status, no content, no contact — and joins it from there; the deputy's
 * reply reaches the joiner as a WeChat notice on their own grant, opening the public page; the
 * first resident rates it, and the board of the station lists it with the reply's numbers
 * masked and nothing that identifies anyone. The officer's queue shows 附议 1.
 *
 * The steps share one case and run in order.
 */
import type { Station } from '../../typings/models';
import { loadPages } from '../miniprogram/support/load-page';
import type { WxPlatform } from '../support/wx-platform';
import { lastRoute, openPage, tap, textOf, textsOf, type, until } from './support/journey';
import { FIELD_RULES } from './support/notices';
import type { RemoteBackend } from './support/remote-backend';
import { startJourney } from './support/start';

// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { loadNoticeTemplates } = require('../../miniprogram/services/subscribe') as { loadNoticeTemplates(): Promise<void> };

const FIRST = 'odemo-resident';
const SECOND = 'odemo-resident-2';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const SCENE = 'FT-HF-01';

const TITLE = '莲花北村7栋电梯经常停运';
const CONTENT = '7栋的电梯这个月停了四次，每次要等半天才有人来修，楼里老人多，上下楼很困难。';
const NAME = '周晓梅';
const PHONE = '13912345678';
/** The reply names the property company's phone: the public board must mask it. */
const REPLY = '已约谈物业公司，电梯已全面检修并更换控制板，维保电话 0755-83216688，停运超过半小时可直接拨打。';

describe('我也遇到 and 办理公开: a second resident joins an accepted case, hears of its reply, and the board shows it anonymised', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let station: Station;
  let templates: { caseStatusChanged: string; caseReplied: string };
  const pages = { compose: '', publicCase: '', board: '', cases: '' };
  const journey = { caseId: '' };
  const started = Date.now();

  beforeAll(async () => {
    ({ backend, wx } = await startJourney(['station', 'case', 'subscription', 'user', 'scheduler'], SECOND));
    await loadNoticeTemplates();
    Object.assign(
      pages,
      loadPages({ compose: 'packages/case/compose/index', publicCase: 'packages/station/case/index', board: 'packages/station/board/index', cases: 'pages/cases/index' }),
    );
    templates = await backend.data('subscription', 'templates', {});
    [station] = await backend.find<Station>('stations', { code: SCENE });
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] resident join: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  it('1. the first resident’s case, allowed public, is accepted by the officer', async () => {
    const submitted = await backend.data(
      'case',
      'submit',
      { requestId: 'journey-join-first', stationId: station._id, category: 'help', title: TITLE, content: CONTENT, contact: { name: NAME, phone: PHONE } },
      FIRST,
    );
    journey.caseId = submitted.caseId;
    const detail = await backend.data('case', 'get', { caseId: submitted.caseId }, OFFICER);
    expect(detail.publicConsent).toBe(true);
    await backend.data('case', 'accept', { caseId: submitted.caseId, version: detail.version }, OFFICER);
  });

  it('2. the second resident, composing about the same lift, is shown it and joins: 我也遇到', async () => {
    const page = await openPage(pages.compose, { stationId: station._id }, 'the 留言 form');
    type(page, '.field-title', '7栋电梯又停运了');
    await until(() => textsOf(page, '.similar-cases--similar-card').length > 0, 'the look-alike cases', 15_000);
    const cards = textsOf(page, '.similar-cases--similar-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(TITLE);
    expect(cards[0]).toContain('已受理');
    // Nothing of the first resident: not the content, the name or the phone.
    for (const secret of [CONTENT.slice(0, 10), NAME, PHONE]) expect(textOf(page)).not.toContain(secret);

    const prompts = wx.subscriptionPrompts.length;
    tap(page.querySelector('.similar-cases')!.querySelectorAll('.join')[0]);
    await until(() => textOf(page).includes('已加入'), 'the join', 15_000);
    // Asked for the status and reply notices from the tap, as a submission does.
    expect(wx.subscriptionPrompts.slice(prompts).map((p) => p.tmplIds)).toEqual([[templates.caseStatusChanged, templates.caseReplied]]);
  });

  it('3. the officer’s queue shows 附议 1; the deputy replies', async () => {
    const { cases } = await backend.data('case', 'inbox', { filter: 'open' }, OFFICER);
    expect(cases.find((c) => c.id === journey.caseId)?.joinCount).toBe(1);
    let detail = await backend.data('case', 'get', { caseId: journey.caseId }, OFFICER);
    detail = await backend.data('case', 'assign', { caseId: journey.caseId, version: detail.version, deputyId: DEPUTY_ID }, OFFICER);
    detail = await backend.data('case', 'reply', { caseId: journey.caseId, version: detail.version, content: REPLY }, DEPUTY);
    expect(detail.status).toBe('replied');
  });

  it('4. the joiner gets the reply notice on their own grant, opening the public page', async () => {
    // Joiners' notices are written with the reply and delivered by the scheduler's next tick.
    expect(await backend.fireTimer('scheduler', 'tick')).toMatchObject({ status: 200, body: { ok: true } });
    const sent = await backend.wx.sent({ openid: SECOND });
    const replies = sent.filter((m) => m.template_id === templates.caseReplied);
    expect(replies).toHaveLength(1);
    expect(replies[0].page).toBe(`packages/station/case/index?id=${journey.caseId}`);
    for (const [key, { value }] of Object.entries(replies[0].data)) expect([key, FIELD_RULES[key.replace(/\d+$/, '')]?.(value)]).toEqual([key, true]);
    // The notice carries no number of the reply whole.
    expect(JSON.stringify(replies[0].data)).not.toContain('83216688');

    // The public page the notice opens: the reply masked, 附议 1, and the joiner's own buttons.
    const page = await openPage(pages.publicCase, { id: journey.caseId }, 'the public case');
    const text = textOf(page);
    expect(text).toContain(TITLE);
    expect(text).toContain('已约谈物业公司');
    expect(text).not.toContain('83216688');
    expect(text).toContain('取消我也遇到');
    for (const secret of [CONTENT.slice(0, 10), NAME, PHONE]) expect(text).not.toContain(secret);
  });

  it('5. 我的留言 lists it under 我也遇到的', async () => {
    const page = await openPage(pages.cases, {}, 'my cases');
    await until(() => textOf(page).includes('我也遇到的'), 'the joined section');
    expect(textsOf(page, '.main--joined')[0]).toContain(TITLE);
  });

  it('6. the first resident rates it 满意; the board lists it with nothing that identifies anyone', async () => {
    const detail = await backend.data('case', 'get', { caseId: journey.caseId }, FIRST);
    await backend.data('case', 'rate', { caseId: journey.caseId, version: detail.version, rating: 'satisfied' }, FIRST);

    const page = await openPage(pages.board, { stationId: station._id }, 'the board');
    const card = textsOf(page, '.main--board-card').find((c) => c.includes(TITLE));
    expect(card).toBeDefined();
    expect(card).toContain('已约谈物业公司');
    expect(card).toContain('留言人评价：满意');
    expect(card).not.toContain('83216688');
    for (const secret of [CONTENT.slice(0, 10), NAME, PHONE, FIRST, SECOND, detail.receiptNo]) expect(textOf(page)).not.toContain(secret);
    // The whole answer, not only what is on screen.
    const board = JSON.stringify(await backend.data('station', 'board', { stationId: station._id }));
    for (const secret of [CONTENT.slice(0, 10), NAME, PHONE, FIRST, SECOND, detail.receiptNo, '83216688']) expect(board).not.toContain(secret);

    // A tap opens the public page.
    page.querySelector(`.board-card-${journey.caseId}`)!.dispatchEvent('tap');
    await until(() => wx.navigations.at(-1)?.url?.startsWith('/packages/station/case/index') === true, 'the way to the public page');
    expect(lastRoute(wx).query.id).toBe(journey.caseId);
  });
});
