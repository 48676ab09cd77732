/**
 * The demo log-ins. The local emulator signs a request in as whatever openid the tester
 * picks, so these fixed openids are the demo's "accounts"; the README lists them from here
 * and the tests check the seed data against the same constants.
 */
import type { UserRole } from '../../typings/models';

export const DEMO_OPENIDS = {
  resident: 'odemo-resident',
  resident2: 'odemo-resident-2',
  deputy: 'odemo-deputy',
  officer: 'odemo-officer',
  admin: 'odemo-admin',
  unit: 'odemo-unit',
  unit2: 'odemo-unit-2',
} as const;

/** The street whose people the demo deputy and officer are. */
export const DEMO_STREET = '华富街道';
/** The demo deputy: 莲花北 community's party secretary, also stationed at the 华富 street station. */
export const DEMO_DEPUTY_ID = 'dp-001';
/** The 华富 street liaison officer, who covers the street station and its community stations. */
export const DEMO_OFFICER_STAFF_ID = 'sf-ft-hf';
/** The district office (区人大常委会): in practice its deputy-affairs staff. */
export const DEMO_ADMIN_STAFF_ID = 'sf-admin';
/** Handling units (承办单位) of the district: two bureaus and the 华富 street office. */
export const DEMO_UNIT_IDS = { housing: 'unit-ft-zjj', urbanManagement: 'unit-ft-cgj', huafuStreet: 'unit-ft-hfjd' } as const;
/** The staff the two unit accounts act as: 区住房和建设局's and 区城市管理和综合执法局's. */
export const DEMO_UNIT_STAFF_IDS = { housing: 'sf-unit-zjj', urbanManagement: 'sf-unit-cgj' } as const;

export type DemoAccountKey = keyof typeof DEMO_OPENIDS;

export interface DemoAccount {
  openid: string;
  /** `users._id` of the seeded user document. */
  userId: string;
  role: UserRole;
  /** Who this is, as the README's table shows it. */
  label: string;
  deputyId?: string;
  staffId?: string;
  /** What to try with this account. */
  canDo: string[];
}

/** Keyed like DEMO_OPENIDS, e.g. `DEMO_ACCOUNTS.officer.openid`; listed in the README's order. */
export const DEMO_ACCOUNTS: { readonly [K in DemoAccountKey]: DemoAccount } = {
  resident: {
    openid: DEMO_OPENIDS.resident,
    userId: 'us-demo-resident',
    role: 'resident',
    label: '群众 (resident)',
    canDo: [
      'find the nearest station and open its page (roster, reception days, rules)',
      'send a message to a deputy and follow its receipt number and timeline',
      'book a 30-minute slot on a reception day',
      'rate a replied case or ask for it to be reopened',
    ],
  },
  resident2: {
    openid: DEMO_OPENIDS.resident2,
    userId: 'us-demo-resident-2',
    role: 'resident',
    label: '群众 (second resident)',
    canDo: ['the same as the first resident: a second person for checking that residents only see their own cases and bookings'],
  },
  deputy: {
    openid: DEMO_OPENIDS.deputy,
    userId: 'us-demo-deputy',
    role: 'deputy',
    label: '人大代表 (deputy, 华富街道)',
    deputyId: DEMO_DEPUTY_ID,
    canDo: [
      'see cases assigned to them and reply',
      'record follow-ups (回访)',
      'check in at the 华富 street station or 莲花北 community station by scanning its QR code',
      'read their own duty record (履职档案)',
    ],
  },
  officer: {
    openid: DEMO_OPENIDS.officer,
    userId: 'us-demo-officer',
    role: 'officer',
    label: '联络员 (liaison officer, 华富街道)',
    staffId: DEMO_OFFICER_STAFF_ID,
    canDo: [
      'triage new cases at the 华富 street and community stations: accept, reject with a reason, assign a deputy, transfer',
      'chase deadlines and record follow-ups',
      'publish and edit the reception schedule of those stations',
    ],
  },
  admin: {
    openid: DEMO_OPENIDS.admin,
    userId: 'us-demo-admin',
    role: 'admin',
    label: '区人大常委会 (admin)',
    staffId: DEMO_ADMIN_STAFF_ID,
    canDo: ['manage stations, deputies and staff across 福田区', 'supervise handling (督办)', 'read the figures (办结率、满意率) per station and per deputy'],
  },
  unit: {
    openid: DEMO_OPENIDS.unit,
    userId: 'us-demo-unit',
    role: 'unit',
    label: '承办单位 (handling unit, 区住房和建设局)',
    staffId: DEMO_UNIT_STAFF_IDS.housing,
    canDo: ["answer the deputies' suggestions assigned to 区住房和建设局 (待办建议), by deadline", 'ask for re-routing or an extension'],
  },
  unit2: {
    openid: DEMO_OPENIDS.unit2,
    userId: 'us-demo-unit-2',
    role: 'unit',
    label: '承办单位 (second unit, 区城市管理和综合执法局)',
    staffId: DEMO_UNIT_STAFF_IDS.urbanManagement,
    canDo: ["the same for 区城市管理和综合执法局: a second unit, for checking that a unit sees only its own unit's suggestions"],
  },
};
