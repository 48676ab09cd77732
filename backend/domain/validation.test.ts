import { array } from './case/combinators';
import { fieldPath, number, object, oneOf, optional, text } from './validation';

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
    const nested = object({ photos: array('照片', text('照片', { min: 1, max: 9 }), { max: 3 }), place: object({ items: array('项目', object({ name: text('名称', { max: 2 }) }), { max: 3 }) }) });
    expect(nested({ photos: ['a', ''], place: { items: [] } }, '')).toMatchObject({ ok: false, field: 'photos.1' });
    expect(nested({ photos: [], place: { items: [{ name: 'ok' }, { name: '太长了' }] } }, '')).toMatchObject({ ok: false, field: 'place.items.1.name' });
    expect(fieldPath('', 'slots', 2)).toBe('slots.2');
    expect(fieldPath('hours', 0, 'close')).toBe('hours.0.close');
  });
});
