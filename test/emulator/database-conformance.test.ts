/**
 * Points where the emulator once disagreed with CloudBase (found by running the node-sdk's own
 * database suite against it): aggregation expressions, error answers, $jsonSchema, $geoNear
 * distances. Expectations come from MongoDB's definitions and jstests and from the node-sdk
 * suite (TencentCloudBase/node-sdk test/database/unit/aggregation.test.ts), never from the emulator.
 */
import { startAdminServer } from '../../emulator/server';
import { DatabaseHarness, rejectionOf, startDatabase, TEST_COLLECTIONS } from './database-support';

let h: DatabaseHarness;

beforeAll(async () => {
  h = await startDatabase({
    collections: { ...TEST_COLLECTIONS, attractions: { indexes: [{ name: 'location_2dsphere', keys: { location: '2dsphere' } }] } },
  });
  await h.db.createCollection('exprs');
  await h.db.collection('exprs').add({ _id: 'one', date: new Date(1557826731686), s: 'héllo' });
});
afterAll(() => h.close());

/** Evaluates aggregation expressions against the single document of `exprs`. */
async function evaluate(fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { data } = await h.db
    .collection('exprs')
    .aggregate()
    .project({ _id: 0, ...fields })
    .end();
  return data[0];
}

/** The raw answer to a `$project` of one expression (for errors the SDK would throw). */
function rawProject(expression: unknown): Promise<any> {
  return h.raw({ action: 'database.aggregateDocuments', collectionName: 'exprs', stages: [{ stageKey: '$project', stageValue: JSON.stringify({ x: expression }) }] });
}

describe("$week is MongoDB's %U (weeks start on Sunday; before the first Sunday is week 0)", () => {
  test("the node-sdk's date operators case: 2019-05-14 is week 19 (ISO week 20)", async () => {
    const $ = h.db.command.aggregate;
    expect(await evaluate({ week: $.week('$date'), isoWeek: $.isoWeek('$date'), dayOfYear: $.dayOfYear('$date'), dayOfWeek: $.dayOfWeek('$date') })).toEqual({
      week: 19,
      isoWeek: 20,
      dayOfYear: 134,
      dayOfWeek: 3,
    });
  });

  test.each([
    ['2019-01-01T00:00:00Z', 0], // Tuesday
    ['2019-01-05T23:59:59Z', 0], // Saturday before the first Sunday
    ['2019-01-06T00:00:00Z', 1], // first Sunday
    ['2017-01-01T12:00:00Z', 1], // the year starts on a Sunday
    ['2016-01-02T00:00:00Z', 0], // ISO week 53 of 2015
    ['2018-12-31T00:00:00Z', 52], // ISO week 1 of 2019
    ['2012-12-31T00:00:00Z', 53], // leap year starting on a Sunday
  ])('%s is week %i', async (iso, week) => {
    const $ = h.db.command.aggregate;
    expect(await evaluate({ week: $.week($.literal(new Date(iso))) })).toEqual({ week });
  });

  test('with a timezone, and %U in $dateToString', async () => {
    const $ = h.db.command.aggregate;
    const saturdayEvening = new Date('2019-01-05T20:00:00Z'); // Sunday 04:00 in Shanghai
    expect(
      await evaluate({
        utc: $.week($.literal(saturdayEvening)),
        shanghai: $.week({ date: $.literal(saturdayEvening), timezone: '+08:00' }),
        named: $.week({ date: $.literal(saturdayEvening), timezone: 'Asia/Shanghai' }),
        text: $.dateToString({ date: '$date', format: '%Y-%U (%%U) %V' }),
      }),
    ).toEqual({ utc: 0, shanghai: 1, named: 1, text: '2019-19 (%U) 20' });
  });
});

describe('$indexOfCP (MongoDB jstests/aggregation/expressions/indexof_codepoints.js)', () => {
  test.each([
    [['∫aƒ', 'ƒ'], 2],
    [['a∫c', 'd'], -1],
    [['∫b∫ba', 'b', 2], 3],
    [['ab∫de', 'd', 0, 3], -1],
    [['ab∫de', 'd', 0, 4], 3],
    [['øøc', 'ø', 1], 1],
    [['øƒc', 'ƒ', 0, 10], 1],
    [['abcbabc', 'b', 2, 4], 3],
    [[null, '√'], null],
    [['abc', 'b', 3], -1],
    [['a√cb', 'b', 3, 1], -1],
    [['a∫b', 'b', 3, 5], -1],
    [['', '∫'], -1],
    [[' ', ''], 0],
    [['', ''], 0],
    [['', '', 3], -1],
    [['abc', '', 1], 1],
    [['abcƒe', 'ƒe'], 3],
    [['∫aeøø', 'øøø'], -1],
    [['ab∫\0d', 'd'], 4],
    [['πbƒ\0d\0', 'd', 5, 6], -1],
    [['😀a😀b', 'b'], 3],
  ])('%j → %j', async (args, expected) => {
    expect(await evaluate({ x: { $indexOfCP: args } })).toEqual({ x: expected });
  });

  test('a missing string field answers null; bad arguments are refused', async () => {
    expect(await evaluate({ x: { $indexOfCP: ['$absent', 'a'] } })).toEqual({ x: null });
    for (const args of [
      [3, 's'],
      ['s', 3],
      ['abc', 'b', 'bad'],
      ['abc', 'b', 0, 'bad'],
      ['abc', 'b', -1],
      ['abc', 'b', 1, -1],
    ]) {
      expect((await rawProject({ $indexOfCP: args })).code).toBe('DATABASE_REQUEST_FAILED');
    }
  });
});

test('$substrBytes and $substr: UTF-8 byte offsets, a negative length runs to the end', async () => {
  const $ = h.db.command.aggregate;
  // 'héllo' is h(1 byte) é(2) l l o.
  expect(
    await evaluate({
      rest: $.substrBytes(['$s', 1, -1]),
      head: $.substrBytes(['$s', 0, 3]),
      past: $.substrBytes(['$s', 9, 2]),
      alias: $.substr(['$s', 3, -1]),
      missing: $.substrBytes(['$absent', 0, 2]),
    }),
  ).toEqual({ rest: 'éllo', head: 'hé', past: '', alias: 'llo', missing: '' });
  const split = await rawProject({ $substrBytes: ['$s', 2, 1] });
  expect(split.code).toBe('DATABASE_REQUEST_FAILED');
  expect(split.message).toMatch(/continuation byte/);
});

describe('$substrCP counts code points (MongoDB docs and jstests/aggregation/expressions/substrCP.js)', () => {
  test.each([
    // The docs' table ("cafétéria", 5, 4 is "éria": c-a-f-é-t-é-r-i-a).
    [['abcde', 1, 2], 'bc'],
    [['Hello World!', 6, 5], 'World'],
    [['cafétéria', 0, 5], 'cafét'],
    [['cafétéria', 5, 4], 'éria'],
    [['cafétéria', 7, 3], 'ia'],
    [['cafétéria', 3, 1], 'é'],
    // substrCP.js.
    [['a', 999, 0], ''],
    [['a', 999, 1], ''],
    [['Å', 0, 1], 'Å'],
    [['◢◢◢', 1, 2], '◢◢'],
    [['abcde', 2, 3], 'cde'],
    [['abcde', { $add: [1, 1] }, { $add: [2, 3] }], 'cde'],
    [['éclair', 0, 4], 'écla'],
    [['寿司sushi', 0, 6], '寿司sush'],
    // Characters outside the BMP are one code point (two UTF-16 units).
    [['😀ab', 1, 1], 'a'],
    [['🧐🤓😎🥸🤩', 1, 2], '🤓😎'],
    [['十🤳🕺十十💃ahk', 2, 3], '🕺十十'],
    [['你好，世界', 3, 99], '世界'],
  ])('%j → %j', async (args, expected) => {
    expect(await evaluate({ x: { $substrCP: args } })).toEqual({ x: expected });
  });

  test('nested, through the SDK, and a missing or null string is the empty string', async () => {
    const $ = h.db.command.aggregate;
    const nested = { $substrCP: [{ $substrCP: [{ $substrCP: [{ $substrCP: ['abcdefghij', 1, 6] }, 2, 5] }, 0, 3] }, 1, 1] };
    expect(await evaluate({ nested, sdk: $.substrCP(['$s', 1, 3]), missing: $.substrCP(['$absent', 0, 2]), nil: $.substrCP([null, 0, 2]) })).toEqual({
      nested: 'e',
      sdk: 'éll',
      missing: '',
      nil: '',
    });
  });

  test.each([
    ['a non-numeric length', ['abc', 0, 'a']],
    ['a fractional length', ['abc', 0, 1.5]],
    ['a non-numeric start', ['abc', 'abc', 3]],
    ['a fractional start', ['abc', 2.2, 3]],
    ['a start past 32 bits', ['abc', 4294967297, 7]],
    ['a negative start', ['abc', -1, 3]],
    ['a negative length', ['abc', 1, -3]],
    ['no arguments', []],
    ['one argument', ['abc']],
    ['four arguments', ['abc', 1, 2, 3]],
    ['an object string', [{ $literal: { a: 1 } }, 0, 1]],
  ])('refuses %s', async (_, args) => {
    expect((await rawProject({ $substrCP: args })).code).toBe('DATABASE_REQUEST_FAILED');
  });
});

describe('$strLenCP counts code points (MongoDB docs and jstests/aggregation/expressions/strlen.js)', () => {
  test.each([
    ['abcde', 5],
    ['Hello World!', 12],
    ['cafétéria', 9],
    ['', 0],
    ['寿司', 2],
    ['jalapeño', 8],
    ['é', 1],
    ['匣6卜十戈大中金', 8],
    ['i ♥ u', 5],
    ['🧐🤓😎🥸🤩', 5],
    ['十🤳🕺十十💃ahk', 9],
    ['MyString', 8],
    ['😀ab', 3],
  ])('%j has %i', async (text, length) => {
    expect(await evaluate({ x: { $strLenCP: text } })).toEqual({ x: length });
  });

  test('through the SDK, and one operand in an array', async () => {
    const $ = h.db.command.aggregate;
    expect(await evaluate({ sdk: $.strLenCP('$s'), listed: { $strLenCP: ['你好'] } })).toEqual({ sdk: 5, listed: 2 });
  });

  test.each([
    ['a number', 1],
    ['null', null],
    ['a missing field', '$absent'],
    ['two arguments', ['hello', 'hello']],
  ])('refuses %s', async (_, arg) => {
    expect((await rawProject({ $strLenCP: arg })).code).toBe('DATABASE_REQUEST_FAILED');
  });
});

describe('$indexOfBytes answers UTF-8 byte offsets (MongoDB docs and jstests/aggregation/expressions/indexof_bytes.js)', () => {
  test.each([
    // The docs' table.
    [['cafeteria', 'e'], 3],
    [['cafétéria', 'é'], 3],
    [['cafétéria', 'e'], -1],
    [['cafétéria', 't'], 5],
    [['foo.bar.fi', '.', 5], 7],
    [['vanilla', 'll', 0, 2], -1],
    // indexof_bytes.js.
    [['abc', 'b'], 1],
    [['abcba', 'b'], 1],
    [['abc', 'd'], -1],
    [['abcba', 'b', 2], 3],
    [['abcde', 'd', 0, 2], -1],
    [['abc', 'b', 1], 1],
    [['abc', 'b', 0, 10], 1],
    [['abcbabc', 'b', 2, 4], 3],
    [[null, 'b'], null],
    [['abc', 'b', 3], -1],
    [['abc', 'b', 3, 1], -1],
    [['abc', 'b', 3, 5], -1],
    [['', ' '], -1],
    [[' ', ''], 0],
    [['', ''], 0],
    [['abc', '', 3], 3],
    [['abc', '', 1], 1],
    [['abcde', 'de'], 3],
    [['abcde', 'def'], -1],
    [['a∫∫b', 'b'], 7],
    [['a∫∫b', 'b', 6], 7],
    [['abc∫ba', '∫'], 3],
    [['∫∫∫', 'a'], -1],
    [['ab∫c', 'c', 0, 3], -1],
    [['abc∫b∫', 'b∫'], 6],
    [['abc\0d', 'd'], 4],
    [['abc\0', '\0'], 3],
    [['abc\0d\0', 'd', 5, 6], -1],
    // Chinese is three bytes a character, these emoji four.
    [['é😀ab', 'a'], 6],
    [['寿司sushi', 's'], 6],
    [['寿司sushi', '司'], 3],
    [['寿司sushi', '司', 0, 5], -1],
    [['寿司sushi', '司', 0, 6], 3],
    [['寿司sushi', 's', 4], 6],
    [['十🤳🕺十十💃ahk', '十', 1], 11],
    [['十🤳🕺十十💃ahk', 'a', 0, 21], -1],
    [['十🤳🕺十十💃ahk', 'a', 0, 22], 21],
  ])('%j → %j', async (args, expected) => {
    expect(await evaluate({ x: { $indexOfBytes: args } })).toEqual({ x: expected });
  });

  test('through the SDK; a missing string answers null', async () => {
    const $ = h.db.command.aggregate;
    expect(await evaluate({ sdk: $.indexOfBytes(['$s', 'l']), missing: $.indexOfBytes(['$absent', 'a']) })).toEqual({ sdk: 3, missing: null });
  });

  test.each([
    ['a number string', [3, 's']],
    ['a number token', ['s', 3]],
    ['a null token', ['s', null]],
    ['a non-numeric start', ['abc', 'b', 'bad']],
    ['a non-numeric end', ['abc', 'b', 0, 'bad']],
    ['a fractional start', ['abc', 'b', 1.5]],
    ['a negative start', ['abc', 'b', -1]],
    ['a negative end', ['abc', 'b', 1, -1]],
    ['one argument', ['abc']],
    ['five arguments', ['abc', 'b', 0, 1, 2]],
  ])('refuses %s', async (_, args) => {
    expect((await rawProject({ $indexOfBytes: args })).code).toBe('DATABASE_REQUEST_FAILED');
  });
});

describe("errors name the problem, never the emulator's internals", () => {
  const noInternals = (message: string) => {
    expect(message).not.toMatch(/\//);
    expect(message).not.toMatch(/\sat\s/);
  };

  test('an unknown expression operator is DATABASE_INVALID_OPERRATOR, in $project and in $expr', async () => {
    const projected = await rawProject({ $teleport: ['$s'] });
    expect(projected.code).toBe('DATABASE_INVALID_OPERRATOR');
    expect(projected.message).toMatch(/\$teleport/);
    noInternals(projected.message);
    const _ = h.db.command;
    const filtered = await rejectionOf(
      h.db
        .collection('exprs')
        .where(_.expr({ $teleport: [1] } as any))
        .get(),
    );
    expect(filtered.code).toBe('DATABASE_INVALID_OPERRATOR');
    noInternals(filtered.message);
  });

  test('an internal failure answers SYS_ERR without a stack or file paths', async () => {
    // mingo crashes (TypeError) on a non-string format: an internal error, not a refusal.
    const crashed = await rawProject({ $dateToString: { date: '$date', format: 5 } });
    expect(crashed.code).toBe('SYS_ERR');
    noInternals(crashed.message);
  });

  test('the catch-all masks paths and stack frames whatever a service throws', async () => {
    const server = await startAdminServer([
      {
        actions: {
          'test.fail': async () => {
            throw new Error("ENOENT: no such file or directory, open '/srv/data/database.sqlite'\n    at open (/work/x.js:1:2)");
          },
        },
      },
    ]);
    try {
      const answer = (await (await fetch(server.serviceUrl, { method: 'POST', body: JSON.stringify({ action: 'test.fail' }) })).json()) as any;
      expect(answer.code).toBe('SYS_ERR');
      expect(answer.message).toMatch(/ENOENT/);
      noInternals(answer.message);
    } finally {
      await server.close();
    }
  });
});

test('$jsonSchema is refused loudly (mingo delegates it to an external validator)', async () => {
  const _ = h.db.command;
  const error = await rejectionOf(
    h.db
      .collection('exprs')
      .where(_.jsonSchema({ required: ['s'] }))
      .get(),
  );
  expect(error.code).toBe('OPERATION_NOT_SUPPORTED');
});

test("$geoNear distances are S2's: the node-sdk's reference figure to the last digit", async () => {
  const { db } = h;
  const _ = db.command;
  const date = new Date();
  // The node-sdk's aggregation geoNear case (test/database/unit/aggregation.test.ts), verbatim.
  await db.collection('attractions').add([
    { _id: 'geoNear.0', city: 'Guangzhou', docType: 'geoNear', date, location: { type: 'Point', coordinates: [113.30593, 23.1361155] }, name: 'Canton Tower' },
    {
      _id: 'geoNear.1',
      city: 'Hangzhou',
      docType: 'geoNear',
      date: new Date(date.getTime() - 1000),
      location: { type: 'Point', coordinates: [113.306789, 23.1564721] },
      name: 'Baiyun Mountain',
    },
    {
      _id: 'geoNear.2',
      city: 'Beijing',
      docType: 'geoNear',
      date: new Date(date.getTime() + 1000),
      location: { type: 'Point', coordinates: [116.3949659, 39.9163447] },
      name: 'The Palace Museum',
    },
    { _id: 'geoNear.3', city: 'Beijing', docType: 'geoNear', location: { type: 'Point', coordinates: [116.2328567, 40.242373] }, name: 'Great Wall' },
  ]);
  const res = await db
    .collection('attractions')
    .aggregate()
    .geoNear({
      distanceField: 'distance',
      spherical: true,
      near: new db.Geo.Point(113.3089506, 23.0968251),
      query: { city: /zhou/, date: _.lt(date) },
      key: 'location',
      includeLocs: 'location',
    })
    .end();
  expect(res.data.map((d: any) => d.city)).toEqual(['Hangzhou']);
  // CloudBase answers exactly this (haversine gave 6643.521654041205).
  expect(res.data[0].distance).toBe(6643.521654040738);
});
