/**
 * The residents' and the public side of 代表建议, through the function host: a linked case's
 * `CaseDetail.suggestion` (case.get) and the board's `suggestion.published`. Suggestions are
 * stored as the lifecycle leaves them (the domain's fixture), so these judge only the views.
 * Oracles, by hand: the brief's steps (提出 / 立案 / 交办 / 答复 / 办结), the result labels of
 * the issue (A 已解决或采纳 … D 留作参考), and what must never show (another resident's case, the
 * deputy's comment, a staff member, numbers unmasked).
 */
import { randomUUID } from 'node:crypto';
import type { SuggestionDocument } from '../../backend/domain/suggestion/suggestion.document';
import { suggestionIn } from '../../backend/domain/suggestion/suggestion.fixtures';
import { OFFICER, RESIDENT_2, STATION, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'suggestion'] });
}, 180_000);

afterAll(() => backend?.close());

const lead = { unitId: 'unit-ft-zjj', unitName: '区住房和建设局' };
const answerAt = (iso: string, over: Partial<SuggestionDocument['answers'][number]> = {}) => ({
  round: 1 as const,
  ...lead,
  staffId: 'sf-unit-zjj',
  text: '已列入2027年计划，经办人钱七，电话13812345678。',
  result: 'B' as const,
  publishable: true,
  at: new Date(iso),
  onTime: true,
  ...over,
});

async function linkedSuggestion(status: SuggestionDocument['status'], caseIds: string[], over: Partial<SuggestionDocument> = {}): Promise<string> {
  const id = `sg-public-${randomUUID().slice(0, 12)}`;
  await backend.db.collection('suggestions').add(
    suggestionIn(status, {
      _id: id,
      number: '福田〔2026〕第31号',
      deputyId: 'dp-001',
      deputyName: '李明',
      stationIds: [STATION],
      caseIds,
      submittedAt: new Date('2026-09-20T02:00:00Z'),
      ...(['accepted', 'assigned', 'answered', 'closed'].includes(status) ? { acceptedAt: new Date('2026-10-01T02:00:00Z') } : {}),
      ...(['assigned', 'answered', 'closed'].includes(status) ? { firstAssignedAt: new Date('2026-10-06T02:00:00Z') } : {}),
      ...over,
    }),
  );
  for (const caseId of caseIds) await backend.db.collection('cases').doc(caseId).update({ suggestionId: id });
  return id;
}

describe('a linked case shows its suggestion’s public progress (case.get)', () => {
  it('to its resident and its handlers: steps, number and the publishable answer; never another resident or a comment', async () => {
    const resident = newOpenid();
    const other = newOpenid();
    const mine = await submitted(backend, resident);
    const theirs = await submitted(backend, other);
    const first = answerAt('2027-01-05T02:00:00Z', { rating: { value: 'unsatisfied', comment: '住户王大妈仍有意见', at: new Date('2027-01-10T02:00:00Z') } });
    const second = answerAt('2027-02-01T02:00:00Z', { round: 2, result: 'A', text: '电梯已开工。', rating: { value: 'satisfied', at: new Date('2027-02-03T02:00:00Z') } });
    const id = await linkedSuggestion('closed', [mine.caseId, theirs.caseId], { round: 2, answers: [first, second], closedAt: new Date('2027-02-03T02:00:00Z') });

    const detail = await backend.data('case', 'get', { caseId: mine.caseId }, resident);
    expect(detail.suggestion).toEqual({
      id,
      number: '福田〔2026〕第31号',
      title: '加快老旧小区加装电梯',
      statusLabel: '已办结',
      steps: [
        { label: '提出', at: '2026-09-20T02:00:00.000Z' },
        { label: '立案', at: '2026-10-01T02:00:00.000Z' },
        { label: '交办', at: '2026-10-06T02:00:00.000Z' },
        { label: '答复', at: '2027-01-05T02:00:00.000Z' },
        { label: '再次答复', at: '2027-02-01T02:00:00.000Z' },
        { label: '办结', at: '2027-02-03T02:00:00.000Z' },
      ],
      answer: { unitName: '区住房和建设局', resultLabel: '已解决或采纳', text: '电梯已开工。', at: '2027-02-01T02:00:00.000Z' },
    });
    const shown = JSON.stringify(detail.suggestion);
    for (const secret of [theirs.caseId, '王大妈', 'sf-unit-zjj', '钱七', '13812345678', other]) expect(shown).not.toContain(secret);

    // The station's officer sees the same block; another resident still does not find the case at all.
    expect((await backend.data('case', 'get', { caseId: mine.caseId }, OFFICER)).suggestion).toEqual(detail.suggestion);
    expect(await backend.call('case', 'get', { caseId: mine.caseId }, RESIDENT_2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an answer its unit kept private: the 答复 step, no text', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident);
    await linkedSuggestion('answered', [caseId], { answers: [answerAt('2027-01-05T02:00:00Z', { publishable: false })], answeredAt: new Date('2027-01-05T02:00:00Z') });
    const { suggestion } = await backend.data('case', 'get', { caseId }, resident);
    expect(suggestion?.steps.map((s) => s.label)).toEqual(['提出', '立案', '交办', '答复']);
    expect(suggestion?.answer).toBeUndefined();
  });

  it('nothing before the office accepted it, nothing once it no longer lists the case, nothing for an unlinked case', async () => {
    const resident = newOpenid();
    const drafted = await submitted(backend, resident);
    await linkedSuggestion('submitted', [drafted.caseId]);
    expect((await backend.data('case', 'get', { caseId: drafted.caseId }, resident)).suggestion).toBeUndefined();

    const unlisted = await submitted(backend, resident);
    const id = await linkedSuggestion('assigned', []);
    await backend.db.collection('cases').doc(unlisted.caseId).update({ suggestionId: id });
    expect((await backend.data('case', 'get', { caseId: unlisted.caseId }, resident)).suggestion).toBeUndefined();

    const plain = await submitted(backend, resident);
    expect((await backend.data('case', 'get', { caseId: plain.caseId }, resident)).suggestion).toBeUndefined();
  });
});

describe('suggestion.published (办理公开 → 代表建议)', () => {
  it('anyone reads a station’s publishable answers, newest first, masked, nothing about a resident', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident);
    const older = await linkedSuggestion('closed', [caseId], {
      answers: [answerAt('2030-01-05T02:00:00Z', { rating: { value: 'basically_satisfied', comment: '希望尽快', at: new Date('2030-01-06T02:00:00Z') } })],
      answeredAt: new Date('2030-01-05T02:00:00Z'),
      closedAt: new Date('2030-01-06T02:00:00Z'),
    });
    const newer = await linkedSuggestion('answered', [], { answers: [answerAt('2030-02-05T02:00:00Z', { result: 'A' })], answeredAt: new Date('2030-02-05T02:00:00Z') });
    const kept = await linkedSuggestion('answered', [], { answers: [answerAt('2030-03-05T02:00:00Z', { publishable: false })], answeredAt: new Date('2030-03-05T02:00:00Z') });
    const reopened = await linkedSuggestion('assigned', [], { round: 2, answers: [answerAt('2030-03-06T02:00:00Z')], answeredAt: new Date('2030-03-06T02:00:00Z') });

    const page = await backend.data('suggestion', 'published', { stationId: STATION });
    const ids = page.suggestions.map((s) => s.id);
    expect(ids.slice(0, 2)).toEqual([newer, older]);
    expect(ids).not.toContain(kept);
    expect(ids).not.toContain(reopened);
    expect(page.suggestions[1]).toEqual({
      id: older,
      number: '福田〔2026〕第31号',
      title: '加快老旧小区加装电梯',
      deputy: { id: 'dp-001', name: '李明' },
      unitName: '区住房和建设局',
      result: 'B',
      resultLabel: '正在解决或列入计划',
      answer: '已列入2027年计划，经办人钱七，电话138****5678。',
      answeredAt: '2030-01-05T02:00:00.000Z',
      statusLabel: '已办结（代表基本满意）',
    });
    const shown = JSON.stringify(page);
    for (const secret of [caseId, resident, '希望尽快', 'sf-unit-zjj', '13812345678']) expect(shown).not.toContain(secret);

    // The same for a signed-in resident, and another station shows none of these.
    expect(await backend.data('suggestion', 'published', { stationId: STATION }, RESIDENT_2)).toEqual(page);
    const elsewhere = await backend.data('suggestion', 'published', { stationId: 'st-ft-lh' });
    expect(elsewhere.suggestions.map((s) => s.id)).not.toContain(newer);
    expect((await backend.data('suggestion', 'published', {})).suggestions.map((s) => s.id)).toContain(newer);
  });

  it('pages of 20 with hasMore, and refuses a malformed input', async () => {
    const stationId = `st-pub-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 21; i += 1) {
      await linkedSuggestion('answered', [], {
        stationIds: [stationId],
        answers: [answerAt(`2029-01-${String(i + 1).padStart(2, '0')}T02:00:00Z`)],
        answeredAt: new Date(`2029-01-${String(i + 1).padStart(2, '0')}T02:00:00Z`),
      });
    }
    const first = await backend.data('suggestion', 'published', { stationId });
    expect(first.suggestions).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const second = await backend.data('suggestion', 'published', { stationId, page: 1 });
    expect(second).toMatchObject({ hasMore: false });
    expect(second.suggestions).toHaveLength(1);
    expect(second.suggestions[0].answeredAt).toBe('2029-01-01T02:00:00.000Z');
    expect(await backend.callRaw('suggestion', { action: 'published', stationId: { $ne: '' } })).toMatchObject({
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'stationId' } },
    });
    expect(await backend.callRaw('suggestion', { action: 'published', page: -1 })).toMatchObject({ body: { ok: false, error: { code: 'INVALID_INPUT', field: 'page' } } });
  });
});
