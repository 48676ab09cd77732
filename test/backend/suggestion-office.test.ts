/**
 * The district office's side of 代表建议 through the real stack: `suggestion.figures` over
 * suggestions written into the database in chosen states (the API cannot travel in time), every
 * figure against a hand count; and `suggestion.document`, the printed 代表建议 and 交办单, fetched
 * from storage and read back with pdf.js (an oracle that shares nothing with the writer).
 */
import type { SuggestionFigures } from '../../typings/suggestion';
import { readPdf } from '../support/pdf-reader';
import { startBackend, type Backend } from './harness';
import { answered, assignment, endOfDay, storedSuggestion, storeSuggestions, UNITS } from './stored-suggestions';

let backend: Backend;
const ADMIN = 'odemo-admin';
const DEPUTY = 'odemo-deputy';
const UNIT = 'odemo-unit'; // 区住房和建设局
const OTHER_UNIT = 'odemo-unit-2'; // 区城市管理和综合执法局
const DAY = 86_400_000;
const compact = (text: string) => text.replace(/\s/g, '');

beforeAll(async () => {
  backend = await startBackend({ functions: ['suggestion'] });
}, 180_000);

afterAll(() => backend?.close());

describe('suggestion.figures', () => {
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const later = (days: number) => new Date(Date.now() + days * DAY);
  const lead = (unit: (typeof UNITS)[keyof typeof UNITS], deadline: Date) => [{ ...unit, role: 'lead' as const, deadline }];

  beforeAll(async () => {
    const closed = (year: number, district = '福田区') =>
      storedSuggestion({
        status: 'closed',
        year,
        district,
        assignments: lead(UNITS.zjj, ago(30)),
        answers: [answered(UNITS.zjj, { result: 'A', rating: { value: 'satisfied', at: ago(40) } })],
      });
    await storeSuggestions(
      backend,
      // d1: answered on time, A, closed 满意.
      closed(2025),
      // d2: never answered, past its deadline: overdue.
      storedSuggestion({ status: 'assigned', year: 2025, assignments: lead(UNITS.zjj, ago(2)), deadline: ago(2) }),
      // d3: within its time.
      storedSuggestion({ status: 'assigned', year: 2025, assignments: lead(UNITS.cgj, later(60)), deadline: later(60) }),
      // d4: answered late, C, not rated yet.
      storedSuggestion({ status: 'answered', year: 2025, assignments: lead(UNITS.cgj, ago(20)), answers: [answered(UNITS.cgj, { result: 'C', onTime: false })] }),
      // d5: B rated 不满意, answered again A, rated 不满意 again: closed on it.
      storedSuggestion({
        status: 'closed',
        year: 2025,
        round: 2,
        assignments: lead(UNITS.cgj, ago(5)),
        answers: [
          answered(UNITS.cgj, { result: 'B', rating: { value: 'unsatisfied', comment: '没有时间表', at: ago(50) } }),
          answered(UNITS.cgj, { round: 2, result: 'A', rating: { value: 'unsatisfied', comment: '仍未落实', at: ago(6) } }),
        ],
      }),
      // d6: accepted, not assigned yet.
      storedSuggestion({ status: 'accepted', year: 2025 }),
      // Not counted: another district's, another year's, a submitted one (no year).
      closed(2025, '南山区'),
      closed(2024),
      storedSuggestion({ status: 'submitted' }),
    );
  });

  it("counts the district's suggestions accepted in the year by hand", async () => {
    const figures = await backend.data('suggestion', 'figures', { year: 2025 }, ADMIN);
    expect(figures).toEqual<SuggestionFigures>({
      year: 2025,
      accepted: 6,
      answered: 3, // d1, d4, d5
      // On time: d1, d5 (first answers); late: d4; never answered and overdue: d2.
      answeredOnTime: { numerator: 2, denominator: 4, value: 0.5 },
      results: { A: 2, B: 0, C: 1, D: 0 }, // latest answers: d1 A, d4 C, d5 A
      // Final ratings: d1 满意, d5 不满意 (d4 not rated).
      satisfaction: { numerator: 1, denominator: 2, value: 0.5 },
      overdue: 1, // d2
      units: [
        { unit: { id: 'unit-ft-cgj', name: '区城市管理和综合执法局' }, assigned: 3, answered: 2, onTime: 1, overdue: 0 },
        { unit: { id: 'unit-ft-zjj', name: '区住房和建设局' }, assigned: 2, answered: 1, onTime: 1, overdue: 1 },
      ],
    });
  });

  it('gives no rate for a year without suggestions', async () => {
    const figures = await backend.data('suggestion', 'figures', { year: 2019 }, ADMIN);
    expect(figures).toMatchObject({ accepted: 0, answeredOnTime: { denominator: 0, value: null }, satisfaction: { denominator: 0, value: null }, units: [] });
  });

  it.each([DEPUTY, UNIT, 'odemo-officer', 'odemo-resident'])('refuses %s (FORBIDDEN)', async (openid) => {
    expect(await backend.call('suggestion', 'figures', { year: 2025 }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([[undefined], [1999], [2025.5], ['2025']])('refuses year %p: INVALID_INPUT', async (year) => {
    const answer = await backend.callRaw('suggestion', { action: 'figures', ...(year === undefined ? {} : { year }) }, ADMIN);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'year' } });
  });
});

describe('suggestion.document', () => {
  const CASE_ID = 'case-office-print-1';
  const assigned = storedSuggestion({
    status: 'assigned',
    number: '福田〔2026〕第12号',
    year: 2026,
    acceptedAt: new Date('2026-04-08T02:00:00Z'),
    cosigners: [
      { deputyId: 'dp-002', name: '王芳', status: 'confirmed' },
      { deputyId: 'dp-003', name: '陈志强', status: 'declined' },
    ],
    caseIds: [CASE_ID],
    attachments: [
      { fileId: 'cloud://local-dev.6c6f-local-dev-1250000000/suggestions/2026/04/a.jpg', kind: 'photo' },
      { fileId: 'cloud://local-dev.6c6f-local-dev-1250000000/suggestions/2026/04/b.pdf', kind: 'pdf' },
    ],
    assignments: [assignment(UNITS.zjj, 'lead', '2026-07-10'), assignment(UNITS.hfjd, 'assist', '2026-05-10')],
    firstAssignedAt: new Date('2026-04-10T02:00:00Z'),
    deadline: endOfDay('2026-07-10'),
  });
  const accepted = storedSuggestion({ status: 'accepted', number: '福田〔2026〕第13号', year: 2026 });
  const draft = storedSuggestion({ status: 'draft', submittedAt: undefined });

  beforeAll(async () => {
    await backend.db.collection('cases').add({
      _id: CASE_ID,
      receiptNo: 'FT20260301-0012',
      stationId: 'st-ft-hf',
      title: '三号楼电梯坏了没人修',
      ownerOpenid: 'o-print-owner',
      status: 'replied',
      suggestionId: assigned._id,
      submittedAt: new Date('2026-03-01T02:00:00Z'),
    });
    await storeSuggestions(backend, assigned, accepted, draft);
  });

  const printed = async (suggestionId: string, kind: 'suggestion' | 'assignment', openid: string) => {
    const answer = await backend.data('suggestion', 'document', { suggestionId, kind }, openid);
    expect(answer.fileId).toContain(`suggestion-documents/${suggestionId}/${kind}.pdf`);
    const response = await fetch(answer.url);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('prints the 代表建议 for its author: number, title, confirmed co-signers, text, the cases by receipt number only, attachments, date', async () => {
    const reading = await readPdf(await printed(assigned._id, 'suggestion', DEPUTY));
    const text = compact(reading.text);
    for (const expected of [
      '福田区人大代表建议',
      '福田〔2026〕第12号',
      '关于加快老旧小区加装电梯的建议',
      '领衔代表：李华',
      '联名代表：王芳',
      '一、问题和情况华富街道多个老旧小区无电梯，老年居民上下楼困难。',
      '二、建议建议简化加装电梯审批流程，加大补贴力度。',
      '关联群众留言（受理编号）：FT20260301-0012',
      '附件：1.照片；2.PDF文件（见系统）',
      '2026年4月2日',
    ]) {
      expect(text).toContain(expected);
    }
    // A co-signer who declined is not on it; nothing of the resident's case but its number.
    expect(text).not.toContain('陈志强');
    expect(text).not.toContain('电梯坏了没人修');
    expect(text).not.toContain('o-print-owner');
  });

  it('prints the same file again for the office, unchanged', async () => {
    const [a, b] = [await printed(assigned._id, 'suggestion', DEPUTY), await printed(assigned._id, 'suggestion', ADMIN)];
    expect(a.equals(b)).toBe(true);
  });

  it('prints the 交办单 for the office and the lead unit: units with their deadlines, the office, the date, the receipt line', async () => {
    for (const openid of [ADMIN, UNIT]) {
      const text = compact((await readPdf(await printed(assigned._id, 'assignment', openid))).text);
      for (const expected of [
        '福田区人大代表建议交办单',
        '区住房和建设局、华富街道办事处：',
        '现将李华等2名代表提出的《关于加快老旧小区加装电梯的建议》（福田〔2026〕第12号）交你单位办理。',
        '主办单位：区住房和建设局，请于2026年7月10日前书面答复代表，并抄送福田区人大常委会办公室。',
        '协办单位：华富街道办事处，请于2026年5月10日前将协办意见送主办单位。',
        '福田区人大常委会办公室2026年4月10日',
        '承办单位签收（盖章）',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('FT20260301-0012');
    }
  });

  it.each([
    ['a unit asking for the 代表建议', assigned, 'suggestion', UNIT, 'FORBIDDEN'],
    ['the author asking for the 交办单', assigned, 'assignment', DEPUTY, 'FORBIDDEN'],
    ['a unit it is not assigned to', assigned, 'assignment', OTHER_UNIT, 'NOT_FOUND'],
    ['the office, for a 交办单 not assigned yet', accepted, 'assignment', ADMIN, 'ILLEGAL_TRANSITION'],
    ['the office, for a draft', draft, 'suggestion', ADMIN, 'NOT_FOUND'],
    ['a resident', assigned, 'suggestion', 'odemo-resident', 'FORBIDDEN'],
    ['an officer', assigned, 'assignment', 'odemo-officer', 'FORBIDDEN'],
  ] as const)('refuses %s', async (_who, doc, kind, openid, code) => {
    expect(await backend.call('suggestion', 'document', { suggestionId: doc._id, kind }, openid)).toMatchObject({ ok: false, error: { code } });
  });

  it('prints a draft for its author, without a number, dated the day it was written', async () => {
    const text = compact((await readPdf(await printed(draft._id, 'suggestion', DEPUTY))).text);
    expect(text).toContain('福田区人大代表建议（未立案编号）');
    expect(text).toContain('2026年3月30日');
  });

  it('answers NOT_FOUND for a suggestion that does not exist, and INVALID_INPUT for an unknown kind', async () => {
    expect(await backend.call('suggestion', 'document', { suggestionId: 'sg-none', kind: 'suggestion' }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await backend.callRaw('suggestion', { action: 'document', suggestionId: assigned._id, kind: 'letter' }, ADMIN)).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'kind' },
    });
  });
});
