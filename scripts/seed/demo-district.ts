/**
 * The demo district: 福田区, 深圳市, with its ten streets, ~40 stations, ~140 deputies, their
 * liaison officers, three handling units (承办单位) with two of their staff, two months of
 * reception days and the demo users.
 *
 * Pure and deterministic: the same `today` always gives deep-equal output. Each part draws
 * from its own named random stream, so changing one part does not reshuffle the others.
 * Only dates depend on `today`; the district itself (stations, roster, staff) is the same
 * whatever day it is generated.
 */
import type { Deputy, Reception, Staff, Station, Unit, User } from '../../typings/models';
import { addDays, assertYmd, shanghaiTime } from './calendar';
import { DEMO_ACCOUNTS, DEMO_ADMIN_STAFF_ID, DEMO_OFFICER_STAFF_ID, DEMO_UNIT_STAFF_IDS, type DemoAccount } from './demo-accounts';
import { assertDemoDeputy, buildDeputies } from './deputies';
import { createNameSource } from './names';
import { createPhoneSource } from './phones';
import { createRandom } from './prng';
import { buildReceptions } from './receptions';
import { buildStaff } from './staff';
import { buildStations } from './stations';
import { buildUnits, buildUnitStaff } from './units';
import { buildUsers } from './users';

export interface DemoDistrict {
  stations: Station[];
  deputies: Deputy[];
  staff: Staff[];
  /** Handling units (承办单位); their staff are in `staff` (role 'unit'). */
  units: Unit[];
  receptions: Reception[];
  users: User[];
}

export interface DemoDistrictOptions {
  /** 'YYYY-MM-DD', Asia/Shanghai: the first day of the reception window. */
  today: string;
}

const SEED = 'futian-demo';

export function generateDemoDistrict({ today }: DemoDistrictOptions): DemoDistrict {
  assertYmd(today);
  const stream = (part: string) => createRandom(`${SEED}/${part}`);
  const daysAgo = (days: number, hhmm = '09:00'): Date => shanghaiTime(addDays(today, -days), hhmm);

  // Deputies and staff draw from one name source, so nobody shares a name with anyone.
  const nextName = createNameSource(stream('names'));
  const nextPhone = createPhoneSource(stream('phones'));

  const stations = buildStations(stream('stations'), nextPhone, (days) => daysAgo(days, '10:00'));
  const deputies = buildDeputies(stream('deputies'), nextName, daysAgo(200));
  // Unit staff draw names and phones after everyone else, so the others' stay as they were.
  const units = buildUnits(daysAgo(400));
  const staff = [...buildStaff(stations, nextName, nextPhone, daysAgo(400)), ...buildUnitStaff(nextName, nextPhone, daysAgo(90))];
  const receptions = buildReceptions(stations, deputies, today);
  const users = buildUsers(daysAgo(14, '20:00'), { deputies, staff });

  bindDemoAccounts(deputies, staff);
  return { stations, deputies, staff, units, receptions, users };
}

/**
 * The demo deputy, officer, admin and unit staff have already redeemed their invites: their openids are bound
 * and each record names the users document acting as it (as user.redeem leaves them).
 */
function bindDemoAccounts(deputies: Deputy[], staff: Staff[]): void {
  const deputy = assertDemoDeputy(deputies);
  deputy.openid = DEMO_ACCOUNTS.deputy.openid;
  deputy.userId = DEMO_ACCOUNTS.deputy.userId;
  const bind = (staffId: string, account: DemoAccount) => {
    const member = staff.find((s) => s._id === staffId);
    if (!member) throw new Error(`demo staff ${staffId} is missing`);
    member.openid = account.openid;
    member.userId = account.userId;
  };
  bind(DEMO_OFFICER_STAFF_ID, DEMO_ACCOUNTS.officer);
  bind(DEMO_ADMIN_STAFF_ID, DEMO_ACCOUNTS.admin);
  bind(DEMO_UNIT_STAFF_IDS.housing, DEMO_ACCOUNTS.unit);
  bind(DEMO_UNIT_STAFF_IDS.urbanManagement, DEMO_ACCOUNTS.unit2);
}
