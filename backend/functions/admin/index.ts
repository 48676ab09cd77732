import { randomBytes, randomUUID } from 'node:crypto';
import { deputyInput, officerInput, stationInput, unitInput, unitStaffInput } from '../../domain/admin';
import { number, object, oneOf, optional, text } from '../../domain/validation';
import { database } from '../../platform/cloudbase';
import { defineApi } from '../define-api';
import {
  listDistrictStations,
  listPeople,
  listUnits,
  saveDeputy,
  saveOfficer,
  saveStation,
  saveUnit,
  saveUnitStaff,
  stationCode,
  stationPoster,
  type AdminContext,
} from '../../use-cases/admin';
import { figuresAction } from '../../use-cases/figures/action';
import { createInvite, listInvites, revokeInvite, unbindPerson } from '../../use-cases/invites';

/** The district office (区人大常委会): every action is the admin's, over their own district only. */
const ADMIN = ['admin'] as const;

const page = optional(number('页码', { min: 0, max: 500, integer: true }));
const id = (label: string) => text(label, { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
const stationRef = object({ stationId: id('联络站编号') });

function context(): AdminContext {
  return { db: database(), now: new Date(), newId: (prefix) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}` };
}

const inviteContext = () => ({ db: database(), now: new Date(), randomBytes });

export const main = defineApi({
  stations: {
    allow: ADMIN,
    input: object({ query: optional(text('搜索内容', { max: 30 })), page }),
    run: (input, who) => listDistrictStations(database(), who, input),
  },
  saveStation: {
    allow: ADMIN,
    input: stationInput,
    run: (input, who) => saveStation(context(), who, input),
  },
  stationCode: {
    allow: ADMIN,
    input: stationRef,
    run: (input, who) => stationCode(database(), who, input.stationId),
  },
  stationPoster: {
    allow: ADMIN,
    input: stationRef,
    run: (input, who) => stationPoster(database(), who, input.stationId, new Date()),
  },
  people: {
    allow: ADMIN,
    input: object({
      kind: oneOf('人员类别', ['deputy', 'officer', 'admin'] as const),
      query: optional(text('搜索内容', { max: 20 })),
      stationId: optional(id('联络站编号')),
      page,
    }),
    run: (input, who) => listPeople(database(), who, input),
  },
  saveDeputy: {
    allow: ADMIN,
    input: deputyInput,
    run: (input, who) => saveDeputy(context(), who, input),
  },
  saveOfficer: {
    allow: ADMIN,
    input: officerInput,
    run: (input, who) => saveOfficer(context(), who, input),
  },
  createInvite: {
    allow: ADMIN,
    input: object({ role: oneOf('身份', ['deputy', 'officer', 'admin', 'unit'] as const), personId: id('人员编号') }),
    run: (input, who) => createInvite(inviteContext(), who, input),
  },
  invites: {
    allow: ADMIN,
    input: object({ page }),
    run: (input, who) => listInvites(inviteContext(), who, input.page),
  },
  revokeInvite: {
    allow: ADMIN,
    input: object({ code: text('邀请码', { min: 1, max: 20 }) }),
    run: (input, who) => revokeInvite(inviteContext(), who, input.code),
  },
  unbind: {
    allow: ADMIN,
    input: object({ personId: id('人员编号') }),
    run: (input, who, caller) => unbindPerson(database(), who, caller.openid, input.personId),
  },
  figures: figuresAction,
  // 承办单位: the units that answer deputies' suggestions, and their staff (who then get an invite).
  units: {
    allow: ADMIN,
    input: object({}),
    run: (_input, who) => listUnits(database(), who),
  },
  saveUnit: {
    allow: ADMIN,
    input: unitInput,
    run: (input, who) => saveUnit(context(), who, input),
  },
  saveUnitStaff: {
    allow: ADMIN,
    input: unitStaffInput,
    run: (input, who) => saveUnitStaff(context(), who, input),
  },
});
