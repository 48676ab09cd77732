/** The lifecycle's inputs: limits from the brief (title ≤ 40, texts ≤ 3,000, ≤ 9 files, ≤ 20 co-signers, ≤ 50 cases, reasons 2–500 …). */
import {
  answerSuggestionSchema,
  assignSuggestionSchema,
  rateSuggestionSchema,
  requestSuggestionChangeSchema,
  reviewSuggestionSchema,
  saveSuggestionSchema,
  suggestionUploadPathsSchema,
} from './suggestion.input';

const ids = (n: number, prefix = 'id') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const file = (i: number) => `cloud://env-1.bucket/suggestions/2026/03/${String(i).padStart(32, '0')}.pdf`;
const save = { requestId: 'req-12345678', title: '加快老旧小区加装电梯', problem: '问题', proposal: '建议' };

describe('save', () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ['a valid new draft', {}, null],
    ['a title of 40', { title: '字'.repeat(40) }, null],
    ['a title of 41', { title: '字'.repeat(41) }, 'title'],
    ['a blank problem', { problem: ' \u200b ' }, 'problem'],
    ['a proposal of 3,001', { proposal: '字'.repeat(3001) }, 'proposal'],
    ['9 attachments', { attachmentFileIds: ids(9).map((_, i) => file(i)) }, null],
    ['10 attachments', { attachmentFileIds: ids(10).map((_, i) => file(i)) }, 'attachmentFileIds'],
    ['20 co-signers', { cosignerIds: ids(20, 'dp') }, null],
    ['21 co-signers', { cosignerIds: ids(21, 'dp') }, 'cosignerIds'],
    ['a co-signer twice', { cosignerIds: ['dp-1', 'dp-1'] }, 'cosignerIds.1'],
    ['51 cases', { caseIds: ids(51, 'cs') }, 'caseIds'],
    ['no request id for a new draft', { requestId: undefined }, 'requestId'],
    ['an unknown field', { deputyId: 'dp-2' }, 'deputyId'],
  ])('%s', (_label, over, field) => {
    const result = saveSuggestionSchema({ ...save, ...over }, '');
    expect(result.ok ? null : result.field).toBe(field);
  });

  it('an edit names the suggestion instead of a request id', () => {
    expect(saveSuggestionSchema({ suggestionId: 'sg-1', title: '标题', problem: '问题', proposal: '建议' }, '').ok).toBe(true);
  });
});

describe('the office and the units', () => {
  it('returning and converting say why (2–500); accepting need not', () => {
    expect(reviewSuggestionSchema({ suggestionId: 'sg-1', decision: 'accept' }, '').ok).toBe(true);
    expect(reviewSuggestionSchema({ suggestionId: 'sg-1', decision: 'return', reason: '否' }, '')).toMatchObject({ ok: false, field: 'reason' });
    expect(reviewSuggestionSchema({ suggestionId: 'sg-1', decision: 'convert' }, '')).toMatchObject({ ok: false, field: 'reason' });
    expect(reviewSuggestionSchema({ suggestionId: 'sg-1', decision: 'return', reason: '字'.repeat(501) }, '')).toMatchObject({ ok: false, field: 'reason' });
  });

  it('assigns with a real day and at most 10 assisting units', () => {
    expect(assignSuggestionSchema({ suggestionId: 'sg-1', leadUnitId: 'u-1', deadline: '2026-02-30' }, '')).toMatchObject({ ok: false, field: 'deadline' });
    expect(assignSuggestionSchema({ suggestionId: 'sg-1', leadUnitId: 'u-1', assistUnitIds: ids(11, 'u') }, '')).toMatchObject({ ok: false, field: 'assistUnitIds' });
  });

  it('an extension names its deadline, a re-routing none; the reason is 2–500', () => {
    expect(requestSuggestionChangeSchema({ suggestionId: 'sg-1', kind: 'extension', reason: '需要论证' }, '')).toMatchObject({ ok: false, field: 'until' });
    expect(requestSuggestionChangeSchema({ suggestionId: 'sg-1', kind: 'reroute', reason: '不属本单位', until: '2026-06-01' }, '')).toMatchObject({
      ok: false,
      field: 'until',
    });
    expect(requestSuggestionChangeSchema({ suggestionId: 'sg-1', kind: 'reroute', reason: '否' }, '')).toMatchObject({ ok: false, field: 'reason' });
  });

  it('an answer of 5,000 with a class A–D; 5,001 refused', () => {
    const answer = { suggestionId: 'sg-1', text: '字'.repeat(5000), result: 'A', publishable: true };
    expect(answerSuggestionSchema(answer, '').ok).toBe(true);
    expect(answerSuggestionSchema({ ...answer, text: '字'.repeat(5001) }, '')).toMatchObject({ ok: false, field: 'text' });
    expect(answerSuggestionSchema({ ...answer, result: 'E' }, '')).toMatchObject({ ok: false, field: 'result' });
  });
});

describe('the deputy’s rating and uploads', () => {
  it('不满意 says what is wrong (2+); a comment is at most 500', () => {
    expect(rateSuggestionSchema({ suggestionId: 'sg-1', rating: 'unsatisfied', comment: '差' }, '')).toMatchObject({ ok: false, field: 'comment' });
    expect(rateSuggestionSchema({ suggestionId: 'sg-1', rating: 'satisfied' }, '').ok).toBe(true);
    expect(rateSuggestionSchema({ suggestionId: 'sg-1', rating: 'satisfied', comment: '字'.repeat(501) }, '')).toMatchObject({ ok: false, field: 'comment' });
  });

  it('uploads photos and PDFs, never audio', () => {
    expect(suggestionUploadPathsSchema({ extensions: ['pdf', 'jpg'] }, '').ok).toBe(true);
    expect(suggestionUploadPathsSchema({ extensions: ['mp3'] }, '')).toMatchObject({ ok: false, field: 'extensions.0' });
  });
});
