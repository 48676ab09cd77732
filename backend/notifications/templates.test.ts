import config from '../../config/subscribe-templates.json';
import { FIELD_RULES, ruleBreaches } from '../../test/journeys/support/notices';
import { STATUS_LABELS } from '../domain/case';
import { validateField, type FittableValue } from '../platform/subscribe-fields';
import { CASE_PAGE, NOTICE_KINDS, templateData, templateIds } from './templates';

// The oracle for "WeChat accepts" is WeChat's documented limits as the journeys read them
// (test/journeys/support/notices.ts), written apart from platform/subscribe-field-rules.ts:
// `templateData` already checks what it returns against those rules and throws otherwise, so
// checking its output with the same rules again could never fail.
const typeOf = (key: string) => key.replace(/\d+$/, '');

/** Values a sender may hand over: too long, multi-line, blank, rare characters, emoji, no Chinese at all. */
const AWKWARD = [
  '一个远远超过二十个字的标题，要被截断才能发送出去的那种',
  '  多余的\n空白  ',
  '',
  '   ',
  '𠮷野家的生僻字𪚥，还有更多的字让它超过二十个字符的长度',
  '😀'.repeat(30),
  'A title in English only, with digits 12345 and #symbols!',
];

describe('the subscription templates (config/subscribe-templates.json)', () => {
  it('name one distinct template per kind, with keys WeChat has types for', () => {
    const ids = Object.values(templateIds());
    expect(new Set(ids).size).toBe(NOTICE_KINDS.length);
    for (const kind of NOTICE_KINDS) {
      for (const { key } of Object.values(config.templates[kind].fields)) expect(Object.keys(FIELD_RULES)).toContain(typeOf(key));
    }
  });

  it('use the field keys the templates were chosen with', () => {
    const keys = (kind: keyof typeof config.templates) => Object.values(config.templates[kind].fields).map((f) => f.key);
    expect(keys('caseStatusChanged')).toEqual(['character_string1', 'thing2', 'phrase3', 'time4', 'thing5']);
    expect(keys('caseReplied')).toEqual(['thing1', 'thing2', 'thing3', 'time4']);
    expect(keys('receptionReminder')).toEqual(['thing1', 'time2', 'thing3', 'thing4']);
  });

  it('open a page of the mini-program', () => {
    const app = require('../../miniprogram/app.json') as { subpackages: { root: string; pages: string[] }[] };
    const pages = app.subpackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
    expect(pages).toContain(CASE_PAGE);
  });

  it('fit every status label into the 5-character phrase field', () => {
    for (const label of Object.values(STATUS_LABELS)) expect(validateField('phrase3', label)).toBeNull();
  });

  it('shape any values into data WeChat accepts', () => {
    const data = templateData('caseStatusChanged', {
      receiptNo: 'FT20261121-0042',
      title: '一个远远超过二十个字的标题，要被截断才能发送出去的那种',
      status: '不予受理',
      updatedAt: new Date('2026-11-21T02:05:00Z'),
      note: '  多余的\n空白  ',
    });
    expect(data).toEqual({
      character_string1: { value: 'FT20261121-0042' },
      thing2: { value: '一个远远超过二十个字的标题，要被截断才…' },
      phrase3: { value: '不予受理' },
      time4: { value: '2026年11月21日 10:05' },
      thing5: { value: '多余的 空白' },
    });
  });

  it.each(NOTICE_KINDS)('shape awkward values of every %s field into what WeChat’s documented limits accept', (kind) => {
    const fields = Object.entries(config.templates[kind].fields as Record<string, { key: string }>);
    const updatedAt = new Date('2026-11-21T15:59:00Z');
    const statuses = Object.values(STATUS_LABELS);
    for (const [i, text] of AWKWARD.entries()) {
      // Times are instants; receipt numbers and statuses (the one phrase field) are ours.
      const ours: Record<string, FittableValue> = { time: updatedAt, character_string: ' FT20261121-0042\n', phrase: statuses[i % statuses.length] };
      const value = (key: string) => ours[typeOf(key)] ?? text;
      const data = templateData(kind, Object.fromEntries(fields.map(([field, { key }]) => [field, value(key)])) as never);
      expect(Object.keys(data).sort()).toEqual(fields.map(([, { key }]) => key).sort());
      expect({ text, breaches: ruleBreaches({ data }) }).toEqual({ text, breaches: [] });
      for (const [key, { value: shown }] of Object.entries(data)) if (typeOf(key) === 'time') expect(shown).toBe('2026年11月21日 23:59');
    }
  });
});
