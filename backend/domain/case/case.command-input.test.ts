import { CASE_ACTION_INPUTS } from './case.command-input';

const ref = { caseId: 'abc123', version: 3 };

describe('what the case actions accept', () => {
  it('treat a blank optional note as no note, and trim what they keep', () => {
    expect(CASE_ACTION_INPUTS.accept({ ...ref, note: '   ' }, '')).toEqual({ ok: true, value: ref });
    expect(CASE_ACTION_INPUTS.accept({ ...ref, note: ' 已受理 ' }, '')).toEqual({ ok: true, value: { ...ref, note: '已受理' } });
  });

  it('lets accept choose a category, any but 不确定', () => {
    expect(CASE_ACTION_INPUTS.accept({ ...ref, category: 'complaint' }, '')).toEqual({ ok: true, value: { ...ref, category: 'complaint' } });
    expect(CASE_ACTION_INPUTS.accept({ ...ref, category: 'unsure' }, '')).toEqual({ ok: false, field: 'category', reason: '请选择具体的留言类别（意见、建议、求助、投诉）' });
    expect(CASE_ACTION_INPUTS.accept({ ...ref, category: '投诉' }, '')).toEqual({ ok: false, field: 'category', reason: '留言类别不在可选范围内' });
    expect(CASE_ACTION_INPUTS.accept({ ...ref, category: { $ne: null } }, '')).toMatchObject({ ok: false, field: 'category' });
  });

  it.each([
    ['reject', { ...ref, reason: '  ', referral: '区法院' }, 'reason'],
    ['reject', { ...ref, reason: '诉讼事项' }, 'referral'],
    ['reply', { ...ref, content: '' }, 'content'],
    ['rate', { ...ref, rating: 'great' }, 'rating'],
    ['reopen', ref, 'reason'],
    ['accept', { caseId: 'abc', version: 0 }, 'version'],
    ['accept', { caseId: 'abc', version: 1.5 }, 'version'],
    ['accept', { caseId: { $gt: '' }, version: 1 }, 'caseId'],
    ['accept', { ...ref, status: 'closed' }, 'status'],
    ['assign', { ...ref, deputyId: 'dp 1' }, 'deputyId'],
    ['supplement', { ...ref, note: '补充', photoFileIds: ['https://example.com/a.jpg'] }, 'photoFileIds.0'],
  ] as const)('%s refuses %j at %s', (action, input, field) => {
    const result = CASE_ACTION_INPUTS[action](input, '');
    expect(result).toMatchObject({ ok: false, field });
  });

  it.each([
    ['reply', { ...ref, content: '\u200b\u200b' }, 'content', '请填写答复内容'],
    ['supplement', { ...ref, note: '\u202e\u202c' }, 'note', '请填写补充说明'],
    ['reopen', { ...ref, reason: '\ufeff' }, 'reason', '请填写重办原因'],
    ['reject', { ...ref, reason: '诉讼事项', referral: '\u2060' }, 'referral', '请填写建议反映的渠道'],
    ['supervise', { ...ref, note: '\u00ad\u200c' }, 'note', '请填写督办意见'],
    ['followUp', { ...ref, note: '\u200d' }, 'note', '请填写回访情况'],
    ['recordAnswer', { ...ref, content: '\u2066\u2069' }, 'content', '请填写承办单位的答复'],
  ] as const)('%s refuses text of only invisible characters at %s', (action, input, field, reason) => {
    expect(CASE_ACTION_INPUTS[action](input, '')).toEqual({ ok: false, field, reason });
  });

  it('treat a note of only invisible characters as no note, and store notes without them', () => {
    expect(CASE_ACTION_INPUTS.accept({ ...ref, note: '\u200b\u200b' }, '')).toEqual({ ok: true, value: ref });
    expect(CASE_ACTION_INPUTS.accept({ ...ref, note: '\u202e已受理\u200b' }, '')).toEqual({ ok: true, value: { ...ref, note: '已受理' } });
    expect(CASE_ACTION_INPUTS.reply({ ...ref, content: '已修复\u200b' }, '')).toEqual({ ok: true, value: { ...ref, content: '已修复' } });
  });
});

describe("what the handlers' actions accept", () => {
  const transfer = { ...ref, route: 'street_office', receivingBody: ' 华富街道办 ', deadline: '2026-03-01' };

  it('transfer: a route, a trimmed receiving body and a real calendar day', () => {
    expect(CASE_ACTION_INPUTS.transfer(transfer, '')).toEqual({ ok: true, value: { ...transfer, receivingBody: '华富街道办' } });
    expect(CASE_ACTION_INPUTS.transfer({ ...transfer, receivingBody: '\u202e华富街道办\u202c' }, '')).toEqual({
      ok: true,
      value: { ...transfer, receivingBody: '华富街道办' },
    });
  });

  it('merge: the receipt number as typed, normalised', () => {
    expect(CASE_ACTION_INPUTS.merge({ ...ref, intoReceiptNo: ' ft20261121-0042 ' }, '')).toEqual({ ok: true, value: { ...ref, intoReceiptNo: 'FT20261121-0042' } });
    // Copied from a chat with a zero-width space in it.
    expect(CASE_ACTION_INPUTS.merge({ ...ref, intoReceiptNo: 'FT2026\u200b1121-0042' }, '')).toEqual({ ok: true, value: { ...ref, intoReceiptNo: 'FT20261121-0042' } });
  });

  it('inbox: every part optional', () => {
    expect(CASE_ACTION_INPUTS.inbox({}, '')).toEqual({ ok: true, value: {} });
    expect(CASE_ACTION_INPUTS.inbox({ filter: 'overdue', stationId: 'st-ft-hf', page: 2 }, '')).toMatchObject({ ok: true });
  });

  it.each([
    ['transfer', { ...transfer, route: 'mayor' }, 'route'],
    ['transfer', { ...transfer, receivingBody: '   ' }, 'receivingBody'],
    ['transfer', { ...transfer, deadline: '2026-02-30' }, 'deadline'],
    ['transfer', { ...transfer, deadline: '2026/03/01' }, 'deadline'],
    ['transfer', { ...transfer, deadline: 1772294400000 }, 'deadline'],
    ['recordAnswer', { ...ref, content: ' ' }, 'content'],
    ['supervise', ref, 'note'],
    ['followUp', { ...ref, note: '已回访', photoFileIds: ['http://x/a.jpg'] }, 'photoFileIds.0'],
    ['followUp', { ...ref, note: '' }, 'note'],
    ['merge', { ...ref, intoReceiptNo: 'FT2026-42' }, 'intoReceiptNo'],
    ['merge', { ...ref, intoReceiptNo: { $ne: '' } }, 'intoReceiptNo'],
    ['requestTransfer', { ...ref, note: '涉及全区', route: 'nowhere' }, 'route'],
    ['requestTransfer', ref, 'note'],
    ['markSuggestion', { ...ref, note: 42 }, 'note'],
    ['letter', { caseId: 'abc', version: 1 }, 'version'],
    ['inbox', { filter: 'mine' }, 'filter'],
    ['inbox', { page: -1 }, 'page'],
    ['inbox', { stationId: { $gt: '' } }, 'stationId'],
  ] as const)('%s refuses %j at %s', (action, input, field) => {
    expect(CASE_ACTION_INPUTS[action](input, '')).toMatchObject({ ok: false, field });
  });
});
