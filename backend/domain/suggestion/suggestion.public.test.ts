import type { SuggestionAnswerRecord } from './suggestion.document';
import { caseSuggestionView, publishedSuggestion, type PublicSource } from './suggestion.public';

const at = (iso: string) => new Date(iso);

const answer = (over: Partial<SuggestionAnswerRecord> = {}): SuggestionAnswerRecord => ({
  round: 1,
  unitId: 'unit-ft-zjj',
  unitName: '区住房和建设局',
  staffId: 'sf-unit-zjj',
  text: '已列入2027年加装电梯计划，联系人电话13812345678。',
  result: 'B',
  publishable: true,
  at: at('2027-01-05T02:00:00Z'),
  onTime: true,
  ...over,
});

function source(over: Partial<PublicSource> = {}): PublicSource {
  return {
    _id: 'sg-1',
    status: 'assigned',
    round: 1,
    number: '福田〔2026〕第12号',
    title: '莲花北小区加装电梯',
    deputyId: 'dp-001',
    deputyName: '李明',
    caseIds: ['case-a', 'case-b'],
    assignments: [{ unitId: 'unit-ft-zjj', unitName: '区住房和建设局', role: 'lead', deadline: at('2027-03-06T15:59:59.999Z') }],
    answers: [],
    submittedAt: at('2026-09-20T02:00:00Z'),
    acceptedAt: at('2026-10-01T02:00:00Z'),
    firstAssignedAt: at('2026-10-06T02:00:00Z'),
    ...over,
  };
}

describe('the progress a linked case shows (CaseDetail.suggestion)', () => {
  it('nothing before acceptance, nor for one that never became a suggestion', () => {
    for (const status of ['draft', 'submitted', 'returned', 'withdrawn', 'converted'] as const) expect(caseSuggestionView(source({ status }), 'case-a')).toBeUndefined();
  });

  it('nothing for a case the suggestion no longer lists', () => {
    expect(caseSuggestionView(source(), 'case-c')).toBeUndefined();
  });

  it('assigned: 提出, 立案, 交办 with their dates, the number, no answer yet', () => {
    expect(caseSuggestionView(source(), 'case-a')).toEqual({
      id: 'sg-1',
      number: '福田〔2026〕第12号',
      title: '莲花北小区加装电梯',
      statusLabel: '办理中',
      steps: [
        { label: '提出', at: '2026-09-20T02:00:00.000Z' },
        { label: '立案', at: '2026-10-01T02:00:00.000Z' },
        { label: '交办', at: '2026-10-06T02:00:00.000Z' },
      ],
    });
  });

  it('answered: the answer with its class and unit, numbers masked', () => {
    const view = caseSuggestionView(source({ status: 'answered', answers: [answer()] }), 'case-b');
    expect(view?.steps.map((s) => s.label)).toEqual(['提出', '立案', '交办', '答复']);
    expect(view?.statusLabel).toBe('已答复');
    expect(view?.answer).toEqual({
      unitName: '区住房和建设局',
      resultLabel: '正在解决或列入计划',
      text: '已列入2027年加装电梯计划，联系人电话138****5678。',
      at: '2027-01-05T02:00:00.000Z',
    });
  });

  it('an answer its unit kept private is not shown; the step still is', () => {
    const view = caseSuggestionView(source({ status: 'answered', answers: [answer({ publishable: false })] }), 'case-a');
    expect(view?.answer).toBeUndefined();
    expect(view?.steps.map((s) => s.label)).toContain('答复');
  });

  it('closed after a second round: both answers and 办结; the latest answer only; never the deputy’s comment', () => {
    const first = answer({ result: 'B', rating: { value: 'unsatisfied', comment: '住户张三仍有意见', at: at('2027-01-10T02:00:00Z') } });
    const second = answer({ round: 2, result: 'A', text: '电梯已开工。', at: at('2027-02-01T02:00:00Z'), rating: { value: 'satisfied', at: at('2027-02-03T02:00:00Z') } });
    const view = caseSuggestionView(source({ status: 'closed', round: 2, answers: [first, second], closedAt: at('2027-02-03T02:00:00Z') }), 'case-a');
    expect(view?.steps).toEqual([
      { label: '提出', at: '2026-09-20T02:00:00.000Z' },
      { label: '立案', at: '2026-10-01T02:00:00.000Z' },
      { label: '交办', at: '2026-10-06T02:00:00.000Z' },
      { label: '答复', at: '2027-01-05T02:00:00.000Z' },
      { label: '再次答复', at: '2027-02-01T02:00:00.000Z' },
      { label: '办结', at: '2027-02-03T02:00:00.000Z' },
    ]);
    expect(view?.answer).toMatchObject({ resultLabel: '已解决或采纳', text: '电梯已开工。' });
    expect(JSON.stringify(view)).not.toContain('张三');
    expect(JSON.stringify(view)).not.toContain('sf-unit-zjj');
  });

  it('sent back (不满意): 重新办理', () => {
    expect(caseSuggestionView(source({ status: 'assigned', round: 2, answers: [answer()] }), 'case-a')?.statusLabel).toBe('重新办理');
  });
});

describe('an answer on the public board (PublishedSuggestion)', () => {
  it('answered and publishable: the answer, masked, with the deputy and the unit', () => {
    expect(publishedSuggestion(source({ status: 'answered', answers: [answer()] }))).toEqual({
      id: 'sg-1',
      number: '福田〔2026〕第12号',
      title: '莲花北小区加装电梯',
      deputy: { id: 'dp-001', name: '李明' },
      unitName: '区住房和建设局',
      result: 'B',
      resultLabel: '正在解决或列入计划',
      answer: '已列入2027年加装电梯计划，联系人电话138****5678。',
      answeredAt: '2027-01-05T02:00:00.000Z',
      statusLabel: '已答复',
    });
  });

  it('closed: 已办结 with the deputy’s rating', () => {
    const rated = answer({ rating: { value: 'basically_satisfied', at: at('2027-01-08T02:00:00Z') } });
    expect(publishedSuggestion(source({ status: 'closed', answers: [rated] }))?.statusLabel).toBe('已办结（代表基本满意）');
  });

  it('nothing when the latest answer is private, or while it is back with the unit', () => {
    expect(publishedSuggestion(source({ status: 'answered', answers: [answer({ publishable: false })] }))).toBeUndefined();
    expect(publishedSuggestion(source({ status: 'closed', round: 2, answers: [answer(), answer({ round: 2, publishable: false })] }))).toBeUndefined();
    expect(publishedSuggestion(source({ status: 'assigned', round: 2, answers: [answer()] }))).toBeUndefined();
  });
});
