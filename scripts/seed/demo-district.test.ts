import type { Deputy, Reception, Staff, Station } from '../../typings/models';
import { addDays, daysBetween, dayOfMonth, shanghaiDate, shanghaiTime } from './calendar';
import { DEMO_ACCOUNTS, DEMO_ADMIN_STAFF_ID, DEMO_DEPUTY_ID, DEMO_OFFICER_STAFF_ID, DEMO_OPENIDS, DEMO_STREET } from './demo-accounts';
import { generateDemoDistrict, type DemoDistrict } from './demo-district';
import { distanceMeters, isInsideFutian } from './geo';
import { MIN_NOTICE_DAYS, RECEPTION_WINDOW_DAYS, SLOT_MINUTES } from './receptions';
import { STREETS } from './streets';

const TODAY = '2025-06-03';
const district = generateDemoDistrict({ today: TODAY });
const { stations, deputies, staff, units, receptions, users } = district;

const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((d) => [d._id, d]));
const stationById = byId(stations);
const staffById = byId(staff);
const deputyById = byId(deputies);
const rosterOf = (stationId: string): Deputy[] => deputies.filter((d) => d.stationIds.includes(stationId));
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const lngLat = (s: Station) => ({ lng: s.location.coordinates[0], lat: s.location.coordinates[1] });

describe('stations', () => {
  it('has at least 30 stations of all three kinds, a street station for every street', () => {
    expect(stations.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(stations.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['community', 'sector', 'street']);
    expect(STREETS).toHaveLength(10);
    for (const street of STREETS) {
      const ofStreet = stations.filter((s) => s.street === street.name);
      expect(ofStreet.filter((s) => s.kind === 'street')).toHaveLength(1);
      const communities = ofStreet.filter((s) => s.kind === 'community');
      expect(communities.length).toBeGreaterThanOrEqual(2);
      expect(communities.length).toBeLessThanOrEqual(3);
    }
    const sectors = stations.filter((s) => s.kind === 'sector');
    expect(sectors.length).toBeGreaterThanOrEqual(4);
    expect(new Set(sectors.map((s) => s.sector)).size).toBe(sectors.length);
  });

  it('names stations the way the district does', () => {
    for (const s of stations) {
      expect(s.district).toBe('福田区');
      if (s.kind === 'street') expect(s.name).toBe(`福田区${s.street}人大代表联络站`);
      if (s.kind === 'community') expect(s.name).toBe(`${s.street}${s.community}人大代表联络站`);
      if (s.kind === 'sector') expect(s.name).toMatch(/^福田区.+行业人大代表联络站$/);
      expect(s.address.startsWith(`福田区${s.street}`)).toBe(true);
      expect(s.address).not.toContain('{n}');
    }
  });

  it('has unique, QR-scene-safe codes and unique ids', () => {
    const codes = stations.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Za-z-]{1,32}$/);
    expect(new Set(stations.map((s) => s._id)).size).toBe(stations.length);
  });

  it('places every station inside Futian, community stations within 600 m of their community', () => {
    for (const s of stations) {
      expect(s.location.type).toBe('Point');
      expect(isInsideFutian(lngLat(s))).toBe(true);
    }
    for (const street of STREETS) {
      for (const community of street.communities) {
        const station = stations.find((s) => s.community === `${community.name}社区` && s.street === street.name);
        expect(station).toBeDefined();
        expect(distanceMeters(community.centre, lngLat(station as Station))).toBeLessThanOrEqual(600);
      }
    }
  });

  it('has office phone lines, opening hours and three to five rules', () => {
    for (const s of stations) {
      expect(s.phone).toMatch(/^0755-8\d{7}$/);
      expect(s.hours.length).toBeGreaterThan(0);
      for (const h of s.hours) {
        expect(h.open < h.close).toBe(true);
        for (const d of h.weekdays) expect(d >= 1 && d <= 7).toBe(true);
      }
      expect(s.rules.length).toBeGreaterThanOrEqual(3);
      expect(s.rules.length).toBeLessThanOrEqual(5);
      expect(new Set(s.rules).size).toBe(s.rules.length);
    }
    expect(stations.some((s) => s.hours.some((h) => h.weekdays.includes(6)))).toBe(true);
    expect(new Set(stations.map((s) => s.phone)).size).toBe(stations.length);
  });
});

describe('deputies', () => {
  it('has at least 100 deputies over at least four levels, most of them district deputies', () => {
    expect(deputies.length).toBeGreaterThanOrEqual(100);
    const count = (level: string) => deputies.filter((d) => d.level === level).length;
    expect(count('township')).toBe(0);
    expect(new Set(deputies.map((d) => d.level)).size).toBeGreaterThanOrEqual(4);
    expect(count('national')).toBeGreaterThan(0);
    expect(count('national')).toBeLessThan(count('provincial'));
    expect(count('provincial')).toBeLessThan(count('municipal'));
    expect(count('municipal')).toBeLessThan(count('district'));
  });

  it('stations every deputy at one or two existing stations', () => {
    for (const d of deputies) {
      expect(d.stationIds.length).toBeGreaterThanOrEqual(1);
      expect(d.stationIds.length).toBeLessThanOrEqual(2);
      expect(new Set(d.stationIds).size).toBe(d.stationIds.length);
      for (const id of d.stationIds) expect(stationById.has(id)).toBe(true);
    }
  });

  it('gives each community station 3–5 deputies and street stations more', () => {
    for (const s of stations) {
      const size = rosterOf(s._id).length;
      if (s.kind === 'community') {
        expect(size).toBeGreaterThanOrEqual(3);
        expect(size).toBeLessThanOrEqual(5);
      } else {
        expect(size).toBeGreaterThanOrEqual(s.kind === 'street' ? 5 : 3);
      }
    }
  });

  it('uses stable ids, distinct names, and realistic delegation lines', () => {
    deputies.forEach((d, i) => expect(d._id).toBe(`dp-${String(i + 1).padStart(3, '0')}`));
    const names = [...deputies, ...staff].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of deputies) {
      expect(d.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(d.occupation.length).toBeGreaterThan(0);
      if (d.level === 'district') expect(d.delegation).toMatch(/^福田区第八届人大 .+选区$/);
    }
  });
});

describe('staff', () => {
  it('gives every station an officer whose stations include it', () => {
    for (const s of stations) {
      expect(s.officerIds.length).toBeGreaterThan(0);
      for (const id of s.officerIds) {
        const officer = staffById.get(id);
        expect(officer?.role).toBe('officer');
        expect(officer?.stationIds).toContain(s._id);
      }
    }
    for (const member of staff) {
      for (const id of member.stationIds) expect(stationById.get(id)?.officerIds).toContain(member._id);
      expect(member.phone).toMatch(/^0755-8\d{7}$/);
      expect(member.district).toBe('福田区');
    }
  });

  it('has one officer per street covering all of its street and community stations', () => {
    for (const street of STREETS) {
      const own = stations.filter((s) => s.street === street.name && s.kind !== 'sector').map((s) => s._id);
      const covering = staff.filter((m) => m.role === 'officer' && own.every((id) => m.stationIds.includes(id)));
      expect(covering.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('has exactly one admin for the district', () => {
    const admins = staff.filter((m) => m.role === 'admin');
    expect(admins.map((a) => a._id)).toEqual([DEMO_ADMIN_STAFF_ID]);
  });
});

describe('receptions', () => {
  const window = Array.from({ length: RECEPTION_WINDOW_DAYS }, (_, i) => addDays(TODAY, i));
  const tenths = window.filter((d) => dayOfMonth(d) === 10);

  it('stays within the next 60 days', () => {
    expect(receptions.length).toBeGreaterThan(0);
    for (const r of receptions) {
      const offset = daysBetween(TODAY, r.date);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(RECEPTION_WINDOW_DAYS);
    }
  });

  it('holds the unified reception day on every 10th at every station', () => {
    expect(tenths.length).toBeGreaterThanOrEqual(1);
    for (const date of tenths) {
      for (const s of stations) expect(receptions.some((r) => r.stationId === s._id && r.date === date)).toBe(true);
    }
  });

  it('gives each station about two receptions a month', () => {
    for (const s of stations) {
      const count = receptions.filter((r) => r.stationId === s._id).length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(5);
    }
  });

  it('has one reception per station and day, with an id derived from both', () => {
    expect(new Set(receptions.map((r) => r._id)).size).toBe(receptions.length);
    for (const r of receptions) {
      expect(r._id).toBe(`rc-${r.stationId.slice(3)}-${r.date.replace(/-/g, '')}`);
    }
  });

  it('has 1–3 of the station’s own deputies and the station’s officer', () => {
    for (const r of receptions) {
      const station = stationById.get(r.stationId) as Station;
      expect(station).toBeDefined();
      expect(r.deputyIds.length).toBeGreaterThanOrEqual(1);
      expect(r.deputyIds.length).toBeLessThanOrEqual(3);
      for (const id of r.deputyIds) expect(deputyById.get(id)?.stationIds).toContain(r.stationId);
      expect(station.officerIds).toContain(r.officerId);
    }
  });

  it('never puts a deputy at two stations on the same day', () => {
    const seen = new Set<string>();
    for (const r of receptions) {
      for (const id of r.deputyIds) {
        const key = `${r.date}|${id}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  it('lets nearly every deputy receive voters within the two months (003)', () => {
    const serving = new Set(receptions.flatMap((r) => r.deputyIds));
    expect(serving.size / deputies.length).toBeGreaterThanOrEqual(0.95);
    expect(serving.has(DEMO_DEPUTY_ID)).toBe(true);
  });

  it('splits the reception into 3–6 half-hour slots of capacity 2–4, none booked', () => {
    for (const r of receptions) {
      expect(r.slots.length).toBeGreaterThanOrEqual(3);
      expect(r.slots.length).toBeLessThanOrEqual(6);
      expect(r.slots[0].start).toBe(r.start);
      expect(r.slots[r.slots.length - 1].end).toBe(r.end);
      r.slots.forEach((slot, i) => {
        expect(toMinutes(slot.end) - toMinutes(slot.start)).toBe(SLOT_MINUTES);
        if (i > 0) expect(slot.start).toBe(r.slots[i - 1].end);
        expect(slot.capacity).toBeGreaterThanOrEqual(2);
        expect(slot.capacity).toBeLessThanOrEqual(4);
        expect(slot.booked).toBe(0);
      });
    }
  });

  it('was published at least a week ahead and before today', () => {
    for (const r of receptions) {
      expect(r.publishedAt).toBeInstanceOf(Date);
      const weekBefore = shanghaiTime(addDays(r.date, -7), '00:00');
      expect(r.publishedAt.getTime()).toBeLessThanOrEqual(weekBefore.getTime());
      expect(r.publishedAt.getTime()).toBeLessThan(shanghaiTime(TODAY, '00:00').getTime());
      expect(daysBetween(shanghaiDate(r.publishedAt), r.date)).toBeGreaterThanOrEqual(MIN_NOTICE_DAYS);
    }
  });
});

describe('demo accounts', () => {
  it('creates one user per demo account with fixed openids', () => {
    expect(users.map((u) => u.openid).sort()).toEqual(Object.values(DEMO_OPENIDS).sort());
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      const user = users.find((u) => u._id === account.userId);
      expect(user).toMatchObject({ openid: account.openid, role: account.role });
      if (user?.deputyId) expect(deputyById.has(user.deputyId)).toBe(true);
      if (user?.staffId) expect(staffById.get(user.staffId)?.openid).toBe(user.openid);
    }
  });

  it('gives each work account a copy of its record, and each bound record names its account (as a redeemed invite leaves them)', () => {
    for (const user of users) {
      if (user.role === 'resident') {
        expect(user.actingAs).toBeUndefined();
        continue;
      }
      const record = user.deputyId ? deputyById.get(user.deputyId) : staffById.get(user.staffId!);
      expect(record).toMatchObject({ openid: user.openid, userId: user._id });
      const district = user.deputyId ? {} : { district: (record as Staff).district };
      const unit = user.role === 'unit' ? { unitId: (record as Staff).unitId } : {};
      expect(user.actingAs).toEqual({ name: record!.name, stationIds: record!.stationIds, ...district, ...unit });
    }
  });

  it('binds the demo deputy, stationed at the 华富 street station', () => {
    const deputy = deputyById.get(DEMO_DEPUTY_ID) as Deputy;
    expect(deputy.openid).toBe(DEMO_OPENIDS.deputy);
    const streetStation = stations.find((s) => s.kind === 'street' && s.street === DEMO_STREET) as Station;
    expect(deputy.stationIds).toContain(streetStation._id);
    expect(users.find((u) => u.openid === DEMO_OPENIDS.deputy)?.deputyId).toBe(DEMO_DEPUTY_ID);
    expect(deputies.filter((d) => d.openid).map((d) => d._id)).toEqual([DEMO_DEPUTY_ID]);
  });

  it('binds the demo officer to the 华富 street officer, covering all 华富 stations', () => {
    const officer = staffById.get(DEMO_OFFICER_STAFF_ID);
    expect(officer).toMatchObject({ role: 'officer', openid: DEMO_OPENIDS.officer });
    const huafu = stations.filter((s) => s.street === DEMO_STREET && s.kind !== 'sector').map((s) => s._id);
    expect([...(officer?.stationIds ?? [])].sort()).toEqual(huafu.sort());
    expect(staffById.get(DEMO_ADMIN_STAFF_ID)?.openid).toBe(DEMO_OPENIDS.admin);
    const bound = staff.filter((m) => m.openid).map((m) => m.openid);
    expect(new Set(bound).size).toBe(bound.length);
  });

  it('binds the two unit accounts to staff of two different units of the district', () => {
    // Hand-written from the brief: 区住房和建设局 (sf-unit-zjj, odemo-unit) and 区城市管理和综合执法局 (sf-unit-cgj, odemo-unit-2).
    expect(staffById.get('sf-unit-zjj')).toMatchObject({ role: 'unit', unitId: 'unit-ft-zjj', openid: 'odemo-unit', stationIds: [], district: '福田区' });
    expect(staffById.get('sf-unit-cgj')).toMatchObject({ role: 'unit', unitId: 'unit-ft-cgj', openid: 'odemo-unit-2', stationIds: [], district: '福田区' });
    expect(users.find((u) => u.openid === 'odemo-unit')).toMatchObject({ role: 'unit', staffId: 'sf-unit-zjj', actingAs: { unitId: 'unit-ft-zjj' } });
    expect(users.find((u) => u.openid === 'odemo-unit-2')).toMatchObject({ role: 'unit', staffId: 'sf-unit-cgj', actingAs: { unitId: 'unit-ft-cgj' } });
  });
});

describe('handling units', () => {
  it('has the three units of the brief, of 福田区', () => {
    expect(units.map(({ _id, name, kind, district: d }) => ({ _id, name, kind, district: d }))).toEqual([
      { _id: 'unit-ft-zjj', name: '区住房和建设局', kind: 'bureau', district: '福田区' },
      { _id: 'unit-ft-cgj', name: '区城市管理和综合执法局', kind: 'bureau', district: '福田区' },
      { _id: 'unit-ft-hfjd', name: '华富街道办事处', kind: 'street', district: '福田区' },
    ]);
  });

  it('gives every unit staff member a unit that exists, and nobody else a unit', () => {
    const ids = new Set(units.map((u) => u._id));
    for (const member of staff) {
      if (member.role === 'unit') expect(ids.has(member.unitId!)).toBe(true);
      else expect(member.unitId).toBeUndefined();
    }
  });
});

describe('determinism', () => {
  it('gives deep-equal output for the same day', () => {
    expect(generateDemoDistrict({ today: TODAY })).toEqual(district);
  });

  it('keeps the district itself the same whatever the day', () => {
    const later = generateDemoDistrict({ today: '2025-09-20' });
    const withoutDates = (d: DemoDistrict) => ({
      stations: d.stations.map(({ createdAt: _c, ...rest }) => rest),
      deputies: d.deputies.map(({ createdAt: _c, ...rest }) => rest),
      staff: d.staff.map(({ createdAt: _c, ...rest }) => rest),
      units: d.units.map(({ createdAt: _c, ...rest }) => rest),
      users: d.users.map(({ createdAt: _c, ...rest }) => rest),
    });
    expect(withoutDates(later)).toEqual(withoutDates(district));
  });

  it('computes the same reception for a station and day whatever the day it runs, except publishedAt', () => {
    const later = generateDemoDistrict({ today: addDays(TODAY, 20) });
    const strip = ({ publishedAt: _p, ...rest }: Reception) => rest;
    const earlier = byId(receptions);
    const shared = later.receptions.filter((r) => earlier.has(r._id));
    expect(shared.length).toBeGreaterThan(50);
    for (const r of shared) expect(strip(r)).toEqual(strip(earlier.get(r._id) as Reception));
    // The later run only adds days past the earlier window's end.
    for (const r of later.receptions.filter((x) => !earlier.has(x._id))) {
      expect(daysBetween(TODAY, r.date)).toBeGreaterThanOrEqual(RECEPTION_WINDOW_DAYS);
    }
  });

  it('does not depend on the wall clock or Math.random', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      expect(generateDemoDistrict({ today: TODAY })).toEqual(district);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  it.each(['2024-12-25', '2025-01-31', '2025-02-10', '2028-02-28', '2025-12-31'])('builds a consistent schedule starting %s', (today) => {
    const other = generateDemoDistrict({ today });
    for (const s of other.stations) {
      const count = other.receptions.filter((r) => r.stationId === s._id).length;
      expect(count).toBeGreaterThanOrEqual(2);
    }
    for (const r of other.receptions) {
      expect(r.deputyIds.length).toBeGreaterThanOrEqual(1);
      expect(r.publishedAt.getTime()).toBeLessThan(shanghaiTime(today, '00:00').getTime());
    }
  });

  it('rejects a malformed day', () => {
    expect(() => generateDemoDistrict({ today: '2025-6-3' })).toThrow();
    expect(() => generateDemoDistrict({ today: '2025-02-30' })).toThrow();
  });
});
