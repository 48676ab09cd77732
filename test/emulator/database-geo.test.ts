/**
 * Geo queries through the real SDK on `stations.location` (2dsphere in collections.json):
 * nearest-first order, min/max distance, geoWithin/geoIntersects, $geoNear, and the error
 * CloudBase gives for a geo query without a geo index.
 */
import { DatabaseHarness, rejectionOf, startDatabase, TEST_COLLECTIONS } from './database-support';

let h: DatabaseHarness;
const CENTER = { lng: 121.47, lat: 31.23 };
// ~1.113 km per 0.01 degree of latitude.
const NORTH = [0.5, 1, 2, 3.5, 5, 8, 13].map((km, i) => ({ code: `N${i}`, km, lng: CENTER.lng, lat: CENTER.lat + km / 111.2 }));

function haversine(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const h1 = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6378100 * Math.asin(Math.sqrt(h1));
}

beforeAll(async () => {
  h = await startDatabase({ collections: TEST_COLLECTIONS });
  const { db } = h;
  // Inserted out of distance order so natural order never passes for nearest-first.
  const shuffled = [NORTH[3], NORTH[0], NORTH[6], NORTH[2], NORTH[5], NORTH[1], NORTH[4]];
  await db.collection('stations').add(shuffled.map((s) => ({ code: s.code, street: 'S', location: new db.Geo.Point(s.lng, s.lat) })));
  await db.collection('stations').add({ code: 'NOLOC', street: 'S' });
});
afterAll(() => h.close());

test('geoNear returns nearest first, honouring maxDistance and minDistance (metres)', async () => {
  const { db } = h;
  const _ = db.command;
  const here = new db.Geo.Point(CENTER.lng, CENTER.lat);
  const all = await db
    .collection('stations')
    .where({ location: _.geoNear({ geometry: here }) })
    .get();
  expect(all.data.map((d: any) => d.code)).toEqual(NORTH.map((s) => s.code));
  const within = await db
    .collection('stations')
    .where({ location: _.geoNear({ geometry: here, maxDistance: 4000 }) })
    .get();
  expect(within.data.map((d: any) => d.code)).toEqual(['N0', 'N1', 'N2', 'N3']);
  const ring = await db
    .collection('stations')
    .where({ location: _.geoNear({ geometry: here, minDistance: 1500, maxDistance: 9000 }) })
    .limit(3)
    .get();
  expect(ring.data.map((d: any) => d.code)).toEqual(['N2', 'N3', 'N4']);
  expect(ring.data[0].location).toBeInstanceOf(db.Geo.Point);
});

test('geoNear combines with other conditions and with an explicit orderBy', async () => {
  const { db } = h;
  const _ = db.command;
  const here = new db.Geo.Point(CENTER.lng, CENTER.lat);
  const filtered = await db
    .collection('stations')
    .where({ code: _.in(['N5', 'N1', 'N3']), location: _.geoNear({ geometry: here }) })
    .get();
  expect(filtered.data.map((d: any) => d.code)).toEqual(['N1', 'N3', 'N5']);
  const sorted = await db
    .collection('stations')
    .where({ location: _.geoNear({ geometry: here, maxDistance: 4000 }) })
    .orderBy('code', 'desc')
    .get();
  expect(sorted.data.map((d: any) => d.code)).toEqual(['N3', 'N2', 'N1', 'N0']);
});

test('geoWithin a polygon and a centerSphere; geoIntersects', async () => {
  const { db } = h;
  const _ = db.command;
  // The SDK's typings only declare Geo.Point; LineString/Polygon exist at runtime.
  const { Point, LineString, Polygon } = db.Geo as any;
  const box = (south: number, north: number) =>
    new Polygon([
      new LineString([
        new Point(CENTER.lng - 0.01, south),
        new Point(CENTER.lng + 0.01, south),
        new Point(CENTER.lng + 0.01, north),
        new Point(CENTER.lng - 0.01, north),
        new Point(CENTER.lng - 0.01, south),
      ]),
    ]);
  const polygon = await db
    .collection('stations')
    .where({ location: _.geoWithin({ geometry: box(CENTER.lat + 0.015, CENTER.lat + 0.05) }) })
    .get();
  expect(polygon.data.map((d: any) => d.code).sort()).toEqual(['N2', 'N3', 'N4']);
  const sphere = await db
    .collection('stations')
    .where({ location: _.geoWithin({ centerSphere: [new Point(CENTER.lng, CENTER.lat), 2500 / 6378100] }) })
    .get();
  expect(sphere.data.map((d: any) => d.code).sort()).toEqual(['N0', 'N1', 'N2']);
  const intersects = await db
    .collection('stations')
    .where({ location: _.geoIntersects({ geometry: box(CENTER.lat - 0.001, CENTER.lat + 0.01) }) })
    .get();
  expect(intersects.data.map((d: any) => d.code).sort()).toEqual(['N0', 'N1']);
});

test('a geo query on a field without a 2dsphere index fails (no silent scan)', async () => {
  const { db } = h;
  const _ = db.command;
  const here = new db.Geo.Point(CENTER.lng, CENTER.lat);
  await db.createCollection('places_without_index');
  await db.collection('places_without_index').add({ location: here });
  for (const query of [
    db
      .collection('places_without_index')
      .where({ location: _.geoNear({ geometry: here }) })
      .get(),
    db
      .collection('stations')
      .where({ street: _.geoNear({ geometry: here }) })
      .get(),
    db
      .collection('places_without_index')
      .where({ location: _.geoWithin({ centerSphere: [here, 0.1] }) })
      .get(),
  ]) {
    const error = await rejectionOf(query);
    expect(error.code).toBe('DATABASE_REQUEST_FAILED');
    expect(error.message).toMatch(/index/);
  }
});

test('count() with geoNear fails as in MongoDB; a non-GeoJSON location is refused on write', async () => {
  const { db } = h;
  const _ = db.command;
  const here = new db.Geo.Point(CENTER.lng, CENTER.lat);
  expect(
    (
      await rejectionOf(
        db
          .collection('stations')
          .where({ location: _.geoNear({ geometry: here }) })
          .count(),
      )
    ).code,
  ).toBe('DATABASE_REQUEST_FAILED');
  const error = await rejectionOf(db.collection('stations').add({ code: 'BAD', location: { lat: 1, lng: 2 } }));
  expect(error.code).toBe('DATABASE_REQUEST_FAILED');
  expect(error.message).toContain("Can't extract geo keys");
});

test('aggregate $geoNear: first stage, distanceField, query, limit; not first fails', async () => {
  const { db } = h;
  const $ = db.command.aggregate;
  const result = await db
    .collection('stations')
    .aggregate()
    .geoNear({
      distanceField: 'distance',
      spherical: true,
      near: new db.Geo.Point(CENTER.lng, CENTER.lat),
      maxDistance: 10_000,
      query: { code: db.command.neq('N1') },
      key: 'location',
    })
    .limit(3)
    .project({ code: 1, distance: 1, _id: 0 })
    .end();
  expect(result.data.map((d: any) => d.code)).toEqual(['N0', 'N2', 'N3']);
  for (const doc of result.data) {
    const station = NORTH.find((s) => s.code === doc.code)!;
    expect(Math.abs(doc.distance - haversine(CENTER, station))).toBeLessThan(0.01);
  }
  const error = await rejectionOf(
    db
      .collection('stations')
      .aggregate()
      .match({})
      .geoNear({ distanceField: 'd', spherical: true, near: new db.Geo.Point(CENTER.lng, CENTER.lat) })
      .end(),
  );
  expect(error.code).toBe('DATABASE_REQUEST_FAILED');
  void $;
});

describe('at scale', () => {
  let big: DatabaseHarness;
  const points: { code: string; lng: number; lat: number }[] = [];
  beforeAll(async () => {
    big = await startDatabase({ collections: TEST_COLLECTIONS });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 10_000; i++) points.push({ code: `S${i}`, lng: 120 + random() * 3, lat: 30 + random() * 2.5 });
    // A few across the antimeridian.
    points.push({ code: 'E1', lng: 179.999, lat: 0 }, { code: 'W1', lng: -179.999, lat: 0 }, { code: 'W2', lng: -179.9, lat: 0 });
    const { db } = big;
    for (let i = 0; i < points.length; i += 2000) {
      await db.collection('stations').add(points.slice(i, i + 2000).map((p) => ({ code: p.code, location: new db.Geo.Point(p.lng, p.lat) })));
    }
  });
  afterAll(() => big.close());

  // How fast (that it does not grow with the stations) is `npm run bench` item 1, "query form".
  test('nearest 20 among 10k stations equals the brute-force answer', async () => {
    const { db } = big;
    const _ = db.command;
    for (const here of [
      { lng: 121.47, lat: 31.23 },
      { lng: 120.01, lat: 30.01 },
      { lng: 125, lat: 35 },
    ]) {
      const { data } = await db
        .collection('stations')
        .where({ location: _.geoNear({ geometry: new db.Geo.Point(here.lng, here.lat) }) })
        .limit(20)
        .get();
      const expected = [...points].sort((a, b) => haversine(here, a) - haversine(here, b)).slice(0, 20);
      expect(data.map((d: any) => d.code)).toEqual(expected.map((p) => p.code));
    }
  });

  test('nearest search crosses the antimeridian', async () => {
    const { db } = big;
    const _ = db.command;
    const { data } = await db
      .collection('stations')
      .where({ location: _.geoNear({ geometry: new db.Geo.Point(179.99, 0), maxDistance: 20_000 }) })
      .get();
    expect(data.map((d: any) => d.code)).toEqual(['E1', 'W1', 'W2']);
  });
});

test('$geoNear with $skip/$limit after it gives the same window as the whole ordering', async () => {
  const { db } = h;
  // A fresh stage each time: the SDK converts the point in place.
  const near = () => ({ near: new db.Geo.Point(CENTER.lng, CENTER.lat), distanceField: 'distance', spherical: true });
  const codes = async (build: (a: any) => any) => (await build(db.collection('stations').aggregate().geoNear(near())).end()).data.map((d: any) => d.code);
  const whole = await codes((a) => a);
  expect(whole).toEqual(NORTH.map((s) => s.code));
  expect(await codes((a) => a.limit(3))).toEqual(whole.slice(0, 3));
  expect(await codes((a) => a.skip(2).limit(3))).toEqual(whole.slice(2, 5));
  expect(await codes((a) => a.limit(5).skip(1))).toEqual(whole.slice(1, 5));
  expect(await codes((a) => a.skip(6))).toEqual(whole.slice(6));
});
