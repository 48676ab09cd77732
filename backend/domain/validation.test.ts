import { array } from './case/combinators';
import { fieldPath, freeText, number, object, oneOf, optional, optionalFreeText, text } from './validation';

const schema = object({
  latitude: number('纬度', { min: -90, max: 90 }),
  page: optional(number('页码', { min: 0, max: 10, integer: true })),
  title: optional(text('标题', { min: 1, max: 5 })),
  kind: optional(oneOf('类别', ['a', 'b'] as const)),
});

describe('input validation', () => {
  it('accepts valid input and drops absent optionals', () => {
    expect(schema({ latitude: 22.5, title: '你好' }, '')).toEqual({ ok: true, value: { latitude: 22.5, title: '你好' } });
  });

  it.each([
    [{}, 'latitude', '纬度必须是数字'],
    [{ latitude: '22.5' }, 'latitude', '纬度必须是数字'],
    [{ latitude: 91 }, 'latitude', '纬度应在 -90 到 90 之间'],
    [{ latitude: NaN }, 'latitude', '纬度必须是数字'],
    [{ latitude: 1, page: 1.5 }, 'page', '页码必须是整数'],
    [{ latitude: 1, title: '' }, 'title', '请填写标题'],
    [{ latitude: 1, title: '一二三四五六' }, 'title', '标题不能超过 5 个字'],
    [{ latitude: 1, kind: 'c' }, 'kind', '类别不在可选范围内'],
    [{ latitude: { $gt: 0 } }, 'latitude', '纬度必须是数字'],
    [{ latitude: 1, extra: true }, 'extra', '不认识的字段 extra'],
    [{ latitude: 1, title: { $regex: '.*' } }, 'title', '标题必须是文字'],
  ])('refuses %j at %s with a Chinese reason', (input, field, reason) => {
    expect(schema(input, '')).toEqual({ ok: false, field, reason });
  });

  it('refuses a non-object body', () => {
    for (const input of [null, [], 'x', 3]) expect(schema(input, '').ok).toBe(false);
  });

  it('counts characters, not UTF-16 units: an emoji is one character', () => {
    expect(schema({ latitude: 1, title: '👍👍👍👍👍' }, '').ok).toBe(true);
  });

  it('refuses prototype keys as unknown fields', () => {
    const input = JSON.parse('{"latitude":1,"__proto__":{"polluted":true}}');
    expect(schema(input, '')).toMatchObject({ ok: false, field: '__proto__' });
  });

  it('names a failing field by one dotted path, array elements included (as CloudBase paths read)', () => {
    const nested = object({
      photos: array('照片', text('照片', { min: 1, max: 9 }), { max: 3 }),
      place: object({ items: array('项目', object({ name: text('名称', { max: 2 }) }), { max: 3 }) }),
    });
    expect(nested({ photos: ['a', ''], place: { items: [] } }, '')).toMatchObject({ ok: false, field: 'photos.1' });
    expect(nested({ photos: [], place: { items: [{ name: 'ok' }, { name: '太长了' }] } }, '')).toMatchObject({ ok: false, field: 'place.items.1.name' });
    expect(fieldPath('', 'slots', 2)).toBe('slots.2');
    expect(fieldPath('hours', 0, 'close')).toBe('hours.0.close');
  });
});

describe('free text a person typed', () => {
  const title = freeText('标题', { min: 4, max: 6 });
  const note = optionalFreeText('备注', 3);

  it.each([
    ['blank', '    ', '请填写标题'],
    ['only zero-width spaces', '\u200b\u200b\u200b\u200b', '请填写标题'],
    ['only a bidi override and its pop', '\u202e\u202c', '请填写标题'],
    ['only variation selectors', '\ufe0f\ufe0f\ufe0f\ufe0f', '请填写标题'],
    ['three characters padded with zero-width spaces', '\u200b路\u200b灯\u200b亮\u200b', '标题至少 4 个字'],
    ['three characters and accents typed as marks', 'e\u0301e\u0301e', '标题至少 4 个字'],
    ['seven characters', '一二三四五六七', '标题不能超过 6 个字'],
    ['not text', 42, '标题必须是文字'],
  ])('refuses %s', (_what, value, reason) => {
    expect(title(value, 'title')).toEqual({ ok: false, field: 'title', reason });
  });

  it('answers the text as it is stored: invisible characters out, trimmed', () => {
    expect(title(' \u202e路灯\u200b不亮\u202c ', 'title')).toEqual({ ok: true, value: '路灯不亮' });
    expect(title(`路灯不亮${'\u200b'.repeat(50)}`, 'title')).toEqual({ ok: true, value: '路灯不亮' });
  });

  it('reads an optional note of nothing visible as no note', () => {
    for (const value of [undefined, null, '', '  ', '\u200b', '\ufe0f']) expect(note(value, 'note')).toEqual({ ok: true, value: undefined });
    expect(note('\u200b好\u200b', 'note')).toEqual({ ok: true, value: '好' });
    expect(note('一二三四', 'note')).toEqual({ ok: false, field: 'note', reason: '备注不能超过 3 个字' });
  });
});
