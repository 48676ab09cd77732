import config from '../../config/subscribe-templates.json';
import { STATUS_LABELS } from '../domain/case';
import { fieldTypeOf, findDataProblem, validateField } from '../platform/subscribe-fields';
import { CASE_PAGE, NOTICE_KINDS, templateData, templateIds } from './templates';

describe('the subscription templates (config/subscribe-templates.json)', () => {
  it('name one distinct template per kind, with keys WeChat has types for', () => {
    const ids = Object.values(templateIds());
    expect(new Set(ids).size).toBe(NOTICE_KINDS.length);
    for (const kind of NOTICE_KINDS) {
      for (const { key } of Object.values(config.templates[kind].fields)) expect(fieldTypeOf(key)).not.toBeNull();
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
    expect(findDataProblem(data)).toBeNull();
    expect(data).toEqual({
      character_string1: { value: 'FT20261121-0042' },
      thing2: { value: '一个远远超过二十个字的标题，要被截断才…' },
      phrase3: { value: '不予受理' },
      time4: { value: '2026年11月21日 10:05' },
      thing5: { value: '多余的 空白' },
    });
  });
});
