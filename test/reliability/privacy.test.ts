/**
 * Privacy over every output. Cases carry unique markers — the contact's name and phone, and
 * the owner's openid — some of them anonymous. Then EVERY action of every API function (read
 * from docs/permissions.md, inputs from the authorisation matrix's scope rows, their cases made
 * with markers) is called as every kind of caller, and no answer may carry a marker unless the
 * privacy rule lets that caller see it:
 *   - the owner sees their own contact;
 *   - the station's liaison officer sees the contact of the station's cases;
 *   - the assigned deputy sees it, unless the case is anonymous;
 *   - nobody but the owner ever sees the owner's openid;
 *   - everyone else (other residents, other stations' handlers, the district office, anyone
 *     at all, the addressed-but-not-assigned deputy) sees none of it.
 * Finally no WeChat push to anyone but the owner carries a marker.
 */
import type { PermissionTable } from '../../backend/platform/define-function';
import { grantId } from '../../backend/data/subscriptions';
import templates from '../../config/subscribe-templates.json';
import type { UserRole } from '../../typings/models';
import { submission } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { arrangeOutsiders, CALLERS, OUTSIDERS, type CallerKind } from '../authz/callers';
import { SCOPE_ROWS } from '../authz/scope-rows';
import { DEPUTY_ID, STATION, Subjects, type CaseSubject } from '../authz/subjects';
import { codePermissionTables, permissionTables } from './support/permission-tables';

const OFFICER = CALLERS.officer!;
const DEPUTY = CALLERS.deputy!;

/** The documented table (docs/permissions.md): which kinds of caller each row is arranged for. */
const TABLES = permissionTables();
const ACTIONS = Object.entries(TABLES).flatMap(([fn, table]) => Object.entries(table).map(([action, allow]) => ({ fn, action, allow })));

/** Everyone who looks, besides the owner: in the station's scope or not, every role. */
const OBSERVERS: Record<string, string | undefined> = {
  anonymous: undefined,
  'another resident': CALLERS.resident === 'odemo-resident' ? 'odemo-resident-2' : OUTSIDERS.resident,
  'the demo resident': 'odemo-resident',
  'the station officer': OFFICER,
  'an officer of another station': OUTSIDERS.officer,
  'the addressed and assigned deputy': DEPUTY,
  'a deputy of another station': OUTSIDERS.deputy,
  'the district office': CALLERS.admin,
  'another district office': OUTSIDERS.admin,
};

interface Marker {
  caseId?: string;
  owner: string;
  name: string;
  phone: string;
  anonymous: boolean;
}

const RUN = String(1000 + (process.pid % 9000)).padStart(4, '0');
const markers: Marker[] = [];

/** A contact nobody else in the data has: a fixed-width number, so one marker is never part of another. */
function newMarker(owner: string, anonymous: boolean): Marker {
  const n = String(markers.length + 1).padStart(4, '0');
  const marker = { owner, name: `${anonymous ? '隐私测试乙' : '隐私测试甲'}${n}`, phone: `166${RUN}${n}`, anonymous };
  markers.push(marker);
  return marker;
}

/** The matrix's subjects, every case submitted with a marked contact, anonymous or not. */
class MarkedSubjects extends Subjects {
  anonymous = false;

  override async submitted(): Promise<CaseSubject> {
    const owner = newOpenid('privacy');
    const marker = newMarker(owner, this.anonymous);
    const input = submission({ stationId: STATION, deputyId: DEPUTY_ID, contact: { name: marker.name, phone: marker.phone }, anonymous: this.anonymous });
    const { caseId } = await this.backend.data('case', 'submit', input, owner);
    marker.caseId = caseId;
    const detail = await this.backend.data('case', 'get', { caseId }, owner);
    return { caseId, version: detail.version, receiptNo: detail.receiptNo, owner };
  }
}

let backend: Backend;
let subjects: MarkedSubjects;
const counted = { calls: 0, answers: 0, pairs: new Set<string>(), allowedSightings: 0 };

beforeAll(async () => {
  backend = await startBackend();
  await arrangeOutsiders(backend);
  subjects = new MarkedSubjects(backend);
  // Handlers accept every 待办 notice, so handler pushes are really sent and checked.
  const task = templates.templates.handlerTask.id;
  for (const openid of [OFFICER, DEPUTY]) {
    await backend.db.collection('subscriptions').add({ _id: grantId(openid, task), openid, templateId: task, remaining: 1000, updatedAt: new Date() });
    await backend.wx.grant(openid, task, 1000);
  }
  // Standing cases in everyone's lists: one plain and one anonymous, both assigned to the demo deputy.
  await subjects.assigned();
  subjects.anonymous = true;
  await subjects.assigned();
  subjects.anonymous = false;
}, 240_000);

afterAll(() => backend?.close());

/** Whether the privacy rule lets `caller` see the marker's contact, judged on the case as it is now. */
async function maySeeContact(caller: string | undefined, marker: Marker): Promise<boolean> {
  if (!caller) return false;
  if (caller === marker.owner || caller === OFFICER) return true; // the marked cases are all at the officer's station
  if (caller !== DEPUTY || marker.anonymous || !marker.caseId) return false;
  const { data } = await backend.db.collection('cases').where({ _id: marker.caseId }).get();
  return (data[0] as { assignedDeputyId?: string } | undefined)?.assignedDeputyId === DEPUTY_ID;
}

/** What in `text` the caller should not have seen. */
async function leaks(text: string, caller: string | undefined): Promise<string[]> {
  const found: string[] = [];
  for (const marker of markers) {
    if (marker.owner !== caller && text.includes(marker.owner)) found.push(`owner openid of ${marker.name}`);
    const shown = [marker.name, marker.phone].filter((s) => text.includes(s));
    if (shown.length === 0) continue;
    if (await maySeeContact(caller, marker)) counted.allowedSightings += 1;
    else found.push(`${shown.join(' and ')} (${marker.anonymous ? 'anonymous' : 'named'} case)`);
  }
  return found;
}

const kindsFor = (allow: PermissionTable[string]): CallerKind[] => (allow === 'anyone' ? ['anonymous', 'resident'] : [...(allow as readonly UserRole[])]);

it('reads every action of every API function', () => {
  expect(Object.keys(TABLES)).toEqual(expect.arrayContaining(['admin', 'case', 'reception', 'station', 'subscription', 'user']));
  expect(ACTIONS.length).toBeGreaterThan(40);
  for (const { fn, action } of ACTIONS) expect(SCOPE_ROWS[`${fn}.${action}`]).toBeDefined();
  // Every action the code serves is documented, so none escapes the check.
  const served = Object.entries(codePermissionTables()).flatMap(([fn, table]) => Object.keys(table).map((action) => `${fn}.${action}`));
  expect(ACTIONS.map(({ fn, action }) => `${fn}.${action}`).sort()).toEqual(served.sort());
});

it('catches a leak when one is there (the check can fail)', async () => {
  const marker = markers[0];
  expect(await leaks(JSON.stringify({ contact: { phone: marker.phone } }), OUTSIDERS.officer)).not.toEqual([]);
  expect(await leaks(JSON.stringify({ x: marker.owner }), OFFICER)).not.toEqual([]);
  expect(await leaks(JSON.stringify({ contact: { phone: marker.phone } }), OFFICER)).toEqual([]);
});

describe.each(ACTIONS.map(({ fn, action, allow }) => [`${fn}.${action}`, fn, action, allow] as const))('%s', (key, fn, action, allow) => {
  it('answers no one a contact or identity the privacy rule keeps from them', async () => {
    const problems: string[] = [];
    // Case-bound rows run twice: their cases named, then anonymous.
    for (const anonymous of [false, true]) {
      for (const kind of kindsFor(allow)) {
        subjects.anonymous = anonymous;
        const before = markers.length;
        const arranged = await SCOPE_ROWS[key](kind, subjects);
        subjects.anonymous = false;
        if (anonymous && markers.length === before) continue; // no case in this row: one pass is enough
        const insider = arranged.caller ?? CALLERS[kind];
        const callers: [string, string | undefined][] = [...Object.entries(OBSERVERS), [`the row's ${kind}`, insider]];
        for (const [label, openid] of callers) {
          const { body } = await backend.callRaw(fn, { ...arranged.input, action }, openid);
          counted.calls += 1;
          if (body?.ok) counted.answers += 1;
          counted.pairs.add(`${key}|${label}`);
          for (const leak of await leaks(JSON.stringify(body), openid)) problems.push(`${label} (${anonymous ? 'anonymous' : 'named'} cases): ${leak}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('WeChat pushes', () => {
  it('to anyone but the owner carry no contact and no identity', async () => {
    const sent = await backend.wx.sent();
    const toOthers = sent.filter((m) => !markers.some((marker) => marker.owner === m.touser));
    expect(toOthers.length).toBeGreaterThan(10); // handlers were told of the marked cases
    const problems: string[] = [];
    for (const message of toOthers) {
      const text = JSON.stringify(message);
      for (const marker of markers) {
        if ([marker.owner, marker.name, marker.phone].some((s) => text.includes(s))) problems.push(`${message.touser} got ${marker.name}'s contact or identity`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('report', () => {
    // Figures for the README's "Reliability" section.
    console.log(
      `privacy: ${ACTIONS.length} actions, ${counted.pairs.size} action × caller pairs, ${counted.calls} calls (${counted.answers} ok answers, ${counted.allowedSightings} allowed sightings), ${markers.length} marked cases (${markers.filter((m) => m.anonymous).length} anonymous)`,
    );
    expect(counted.calls).toBeGreaterThan(ACTIONS.length * Object.keys(OBSERVERS).length);
    // The markers do reach those allowed to see them: the check is not passing on empty answers.
    expect(counted.allowedSightings).toBeGreaterThan(20);
  });
});
