import { formatReceiptNumber, parseReceiptNumber, receiptCounterId } from './receipt-number';

describe('receipt numbers (受理编号)', () => {
  it.each([
    ['2026-11-21T02:00:00Z', 42, 'FT20261121-0042'],
    ['2026-11-21T15:59:59Z', 1, 'FT20261121-0001'],
    ['2026-11-21T16:00:00Z', 1, 'FT20261122-0001'], // midnight in Shenzhen starts a new day and a new counter
    ['2026-12-31T20:00:00Z', 12345, 'FT20270101-12345'], // a busy day grows a digit instead of failing
  ])('%s #%i is %s', (instant, seq, receipt) => {
    expect(formatReceiptNumber('FT', new Date(instant), seq)).toBe(receipt);
  });

  it('round-trips through parsing, forgiving spaces and lower case', () => {
    expect(parseReceiptNumber('FT20261121-0042')).toEqual({ prefix: 'FT', date: '2026-11-21', seq: 42 });
    expect(parseReceiptNumber(' ft 20261121-0042 ')).toEqual({ prefix: 'FT', date: '2026-11-21', seq: 42 });
  });

  it.each(['', 'FT20261121', 'FT20261121-42', 'F20261121-0042', 'FT20260231-0001', 'FT20261321-0001', 'FT20261121-0000', '福田20261121-0001'])(
    'does not take %j for a receipt number',
    (input) => {
      expect(parseReceiptNumber(input)).toBeUndefined();
    },
  );

  it('refuses programming errors loudly', () => {
    expect(() => formatReceiptNumber('ft', new Date(), 1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('FT', new Date(), 0)).toThrow(RangeError);
    expect(() => formatReceiptNumber('FT', new Date(), 1.5)).toThrow(RangeError);
  });

  it('names one counter document per prefix and Shanghai day', () => {
    expect(receiptCounterId('FT', new Date('2026-11-21T16:30:00Z'))).toBe('receipt-FT-20261122');
  });
});
