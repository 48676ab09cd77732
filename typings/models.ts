/**
 * Documents as stored in the database and shared with the mini-program.
 * Types only: the mini-program imports this file with `import type`, which the
 * DevTools TypeScript plugin erases, so nothing here may have a runtime value.
 */

import type { ReceptionKind } from './api';
import type { EventDetails } from './event';

/** GeoJSON point as CloudBase stores `db.Geo.Point` — coordinates are [longitude, latitude]. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

export type StationKind = 'street' | 'community' | 'sector';

/** Sector stations serve a profession rather than an area (`004`). */
export type StationSector = 'technology' | 'education' | 'health' | 'law' | 'enterprise';

export interface OpeningHours {
  /** ISO weekdays 1 (Mon) … 7 (Sun). */
  weekdays: number[];
  /** 'HH:mm' local time (Asia/Shanghai). */
  open: string;
  close: string;
}

export interface Station {
  _id: string;
  /** Short code printed on the door's QR code; the mini-program's `scene`. */
  code: string;
  name: string;
  kind: StationKind;
  sector?: StationSector;
  district: string;
  street: string;
  community?: string;
  address: string;
  location: GeoPoint;
  phone: string;
  hours: OpeningHours[];
  /** Staff ids of the liaison officers (联络员) who staff it. */
  officerIds: string[];
  /** Station rules shown on its "wall" (五上墙: rules). */
  rules: string[];
  createdAt: Date;
}

export type DeputyLevel = 'national' | 'provincial' | 'municipal' | 'district' | 'township';

export interface Deputy {
  _id: string;
  name: string;
  level: DeputyLevel;
  /** Delegation (代表团/选区) as people say it, e.g. "福田区代表团 华富选区". */
  delegation: string;
  /** Occupation and employer line shown on the roster. */
  occupation: string;
  photoUrl?: string;
  stationIds: string[];
  /** Bound WeChat openid once the deputy has redeemed an invite; never sent to residents. */
  openid?: string;
  /** The `users` document acting as this deputy, set and cleared with `openid`: kept in step with this record. */
  userId?: string;
  createdAt: Date;
}

/** 'unit': staff of a handling unit (承办单位), answering deputies' suggestions. */
export type StaffRole = 'officer' | 'admin' | 'unit';

/** Liaison officers and standing-committee office staff. */
export interface Staff {
  _id: string;
  name: string;
  role: StaffRole;
  /** Public contact phone shown on the station page (office line, not private). */
  phone: string;
  stationIds: string[];
  district: string;
  /** Role 'unit': the handling unit (`units._id`) this person answers for. */
  unitId?: string;
  openid?: string;
  /** The `users` document acting as this person, set and cleared with `openid`: kept in step with this record. */
  userId?: string;
  createdAt: Date;
}

/** A scheduled reception day (接待日) at a station. */
export interface Reception {
  _id: string;
  stationId: string;
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  date: string;
  start: string;
  end: string;
  deputyIds: string[];
  officerId: string;
  /** Bookable slots for 约访; each holds `capacity` residents. */
  slots: { start: string; end: string; capacity: number; booked: number }[];
  publishedAt: Date;
  /** Absent on days stored before 述职会 existed: a reception day. */
  kind?: ReceptionKind;
  /** Kinds 'forum' and 'meeting' only: topic, invited departments, place. */
  event?: EventDetails;
  /** 活动回顾, posted by an officer after the end; only then does the event count in 履职档案. */
  summary?: { text: string; photoFileIds: string[]; at: Date; officerId: string };
}

export type UserRole = 'resident' | 'deputy' | 'officer' | 'admin' | 'unit';

/**
 * What every action needs of a bound caller, copied from their deputy or staff record when
 * the invite is redeemed and rewritten in the same transaction as every change of that
 * record (its name, its stations), so the caller's role and scope come from one read.
 */
export interface ActingAs {
  /** The record's name, for timelines and notices ("联络员 王芳"). */
  name: string;
  /** A deputy's stations (where they serve), an officer's (those they staff); an admin's are not a scope. */
  stationIds: string[];
  /** Staff: the district they belong to (an admin's scope). */
  district?: string;
  /** Unit staff: their handling unit (their scope: its suggestions only). */
  unitId?: string;
}

/** A handling unit (承办单位) of a district: a bureau, a street office … (admin-kept). */
export interface Unit {
  _id: string;
  name: string;
  kind: import('./unit').UnitKind;
  district: string;
  createdAt: Date;
}

export interface User {
  _id: string;
  openid: string;
  role: UserRole;
  /** For deputies: the deputy record; for officers/admins: the staff record. */
  deputyId?: string;
  staffId?: string;
  /**
   * The record's copy (work roles only; never on a resident's document). A document without
   * it — written before it existed, or by hand — still works: the record is then read too.
   */
  actingAs?: ActingAs;
  createdAt: Date;
}
