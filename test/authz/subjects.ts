/**
 * The things the matrix acts on, made fresh through the API for each row that changes them:
 * cases at the demo officer's street station in each status, a booking, a reception day the
 * demo deputy can check in to, an invite. All at 华富街道's station, inside the demo
 * officer's, the demo deputy's and the demo admin's scope, outside the outsiders'.
 */
import type { CaseDetail } from '../../typings/case';
import type { Station } from '../../typings/models';
import { submission } from '../backend/case-fixtures';
import { newOpenid, type Backend } from '../backend/harness';
import { shanghaiDate } from '../../backend/domain/calendar';
import { toGeoPoint } from '../../backend/data/documents';
import { CALLERS } from './callers';

export const STATION = 'st-ft-hf';
export const DEPUTY_ID = 'dp-001';
const OFFICER = CALLERS.officer!;
const DEPUTY = CALLERS.deputy!;

export interface CaseSubject {
  caseId: string;
  version: number;
  receiptNo: string;
  owner: string;
}

const subject = (detail: CaseDetail, owner: string): CaseSubject => ({ caseId: detail.id, version: detail.version, receiptNo: detail.receiptNo, owner });
const ref = (s: CaseSubject) => ({ caseId: s.caseId, version: s.version });

export class Subjects {
  private publishOffset = 0;

  constructor(readonly backend: Backend) {}

  /**
   * Submitted to the station, by a resident nobody else uses; written to the demo deputy unless
   * `addressed` is false — cases the deputy has no part in (the public board's, 我也遇到's) are
   * not, so they never add to the deputy-flood hold (more than a few to one deputy in 30 minutes).
   */
  async submitted(addressed = true): Promise<CaseSubject> {
    const owner = newOpenid('matrix');
    const { caseId } = await this.backend.data('case', 'submit', submission({ stationId: STATION, ...(addressed ? { deputyId: DEPUTY_ID } : {}) }), owner);
    return subject(await this.backend.data('case', 'get', { caseId }, owner), owner);
  }

  async accepted(addressed = true): Promise<CaseSubject> {
    const s = await this.submitted(addressed);
    return subject(await this.backend.data('case', 'accept', ref(s), OFFICER), s.owner);
  }

  /** Accepted and assigned to the demo deputy. */
  async assigned(): Promise<CaseSubject> {
    const s = await this.accepted();
    return subject(await this.backend.data('case', 'assign', { ...ref(s), deputyId: DEPUTY_ID }, OFFICER), s.owner);
  }

  async replied(): Promise<CaseSubject> {
    const s = await this.assigned();
    return subject(await this.backend.data('case', 'reply', { ...ref(s), content: '已联系物业，路灯已于今天修好。' }, DEPUTY), s.owner);
  }

  /** Transferred by 代表函 to the district standing committee. */
  async transferredByLetter(): Promise<CaseSubject> {
    const s = await this.accepted();
    const deadline = shanghaiDate(new Date(Date.now() + 20 * 86_400_000));
    const detail = await this.backend.data(
      'case',
      'transfer',
      { ...ref(s), route: 'district_committee', receivingBody: '福田区住房和建设局', deadline, note: '涉及全区老旧小区改造' },
      OFFICER,
    );
    return subject(detail, s.owner);
  }

  /** The officer's reply of a case that ends on the public board (the privacy suite writes numbers into it). */
  publicReplyText(_s: CaseSubject): string {
    return '已联系物业，路灯已于今天修好。';
  }

  /** Accepted, answered by the officer and rated 满意 by its resident: closed — on the public board unless it is anonymous. */
  async closedPublic(): Promise<CaseSubject> {
    const s = await this.accepted(false);
    const replied = await this.backend.data('case', 'reply', { ...ref(s), content: this.publicReplyText(s) }, OFFICER);
    const seen = await this.backend.data('case', 'get', { caseId: s.caseId }, s.owner);
    await this.backend.data('case', 'rate', { caseId: seen.id, version: seen.version, rating: 'satisfied' }, s.owner);
    return subject(await this.backend.data('case', 'get', { caseId: replied.id }, s.owner), s.owner);
  }

  /** Accepted, but its resident did not allow the public view (允许公开 off). */
  async privateAccepted(): Promise<CaseSubject> {
    const owner = newOpenid('matrix-private');
    const { caseId } = await this.backend.data('case', 'submit', submission({ stationId: STATION, public: false }), owner);
    const s = subject(await this.backend.data('case', 'get', { caseId }, owner), owner);
    return subject(await this.backend.data('case', 'accept', ref(s), OFFICER), owner);
  }

  /** What a resident sends to book a free slot at the station. */
  async bookingInput(owner: string) {
    const { receptions } = await this.backend.data('reception', 'list', { stationId: STATION });
    for (const reception of receptions) {
      const slot = reception.slots.find((s) => s.remaining > 0);
      if (slot) return { requestId: `req-${owner}`, receptionId: reception.id, slotIndex: slot.index, topic: '想反映小区停车难的问题' };
    }
    throw new Error('no free slot at the station to book');
  }

  /** A booked slot at the station; `owner` booked it. */
  async booking(): Promise<{ bookingId: string; owner: string }> {
    const owner = newOpenid('matrix-booker');
    const booking = await this.backend.data('reception', 'book', await this.bookingInput(owner), owner);
    return { bookingId: booking.id, owner };
  }

  /** A valid publish request for a fresh date at the station (a station has one reception a day). */
  publishInput() {
    this.publishOffset += 1;
    const date = shanghaiDate(new Date(Date.now() + (30 + this.publishOffset) * 86_400_000));
    return { stationId: STATION, date, start: '09:00', end: '11:00', deputyIds: [DEPUTY_ID], slots: [{ start: '09:00', end: '09:30', capacity: 2 }] };
  }

  /**
   * The reception at the station today, with the demo deputy and open all day (check-in is only
   * during a reception's hours), so a check-in is possible whenever the matrix runs.
   */
  async receptionTodayId(): Promise<string> {
    const date = shanghaiDate(new Date());
    const { data } = await this.backend.db.collection('receptions').where({ stationId: STATION, date }).get();
    if (data.length === 0) {
      const id = `rc-matrix-${date}`;
      await this.backend.db.collection('receptions').add({
        _id: id,
        stationId: STATION,
        date,
        start: '00:00',
        end: '23:59',
        deputyIds: [DEPUTY_ID],
        officerId: 'sf-ft-hf',
        slots: [],
        publishedAt: new Date(),
      });
      return id;
    }
    const existing = data[0] as { _id: string; deputyIds: string[]; start: string; end: string };
    const _ = this.backend.db.command;
    if (!existing.deputyIds.includes(DEPUTY_ID) || existing.start !== '00:00' || existing.end !== '23:59') {
      await this.backend.db
        .collection('receptions')
        .doc(existing._id)
        .update({ deputyIds: _.addToSet(DEPUTY_ID), start: '00:00', end: '23:59' });
    }
    return existing._id;
  }

  /** What the demo deputy sends to check in there: the door code, the code on the demo officer's phone, the station's position. */
  async receptionToday(): Promise<{ code: string; presenceCode: string; latitude: number; longitude: number }> {
    const station = await this.station();
    const receptionId = await this.receptionTodayId();
    const shown = await this.backend.data('reception', 'presenceCode', { receptionId }, OFFICER);
    const [longitude, latitude] = station.location.coordinates;
    return { code: station.code, presenceCode: shown.code, latitude, longitude };
  }

  /** A valid 述职报告 about the demo deputy, for last year, with a fresh request id. */
  reportInput() {
    const year = Number(shanghaiDate(new Date()).slice(0, 4)) - 1;
    return {
      requestId: `req-matrix-report-${newOpenid('r').slice(-12)}`,
      deputyId: DEPUTY_ID,
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      content: '一年来走访选民十余次，推动小区加装电梯。',
    };
  }

  /**
   * A fresh report, published by the demo officer for another deputy of the station (the demo
   * deputy's own daily allowance is left to the publish rows): a resident has not rated it yet.
   */
  async report(): Promise<string> {
    const { data } = await this.backend.db.collection('deputies').where({ stationIds: STATION }).limit(100).get();
    const other = (data as { _id: string }[]).find((d) => d._id !== DEPUTY_ID)!._id;
    const published = await this.backend.data('report', 'publish', { ...this.reportInput(), deputyId: other }, OFFICER);
    return published.id;
  }

  /**
   * A fresh 代表论坛 at the station with the demo deputy on it: 30 days ahead (residents may still
   * come and ask), or yesterday (over: the officer may post its 活动回顾). Stored directly, as the
   * publish rule would refuse a day in the past.
   */
  async forum(when: 'ahead' | 'over'): Promise<string> {
    const date = shanghaiDate(new Date(Date.now() + (when === 'ahead' ? 30 : -1) * 86_400_000));
    const id = `rc-matrix-forum-${newOpenid('f').slice(-12)}`;
    await this.backend.db.collection('receptions').add({
      _id: id,
      kind: 'forum',
      stationId: STATION,
      date,
      start: '09:00',
      end: '11:00',
      deputyIds: [DEPUTY_ID],
      officerId: 'sf-ft-hf',
      slots: [],
      publishedAt: new Date(),
      event: { topic: '老旧小区加装电梯', departments: ['区住房和建设局'], place: '华富街道联络站会议室' },
    });
    return id;
  }

  /** A valid 履职登记 of today for the demo deputy, with a fresh request id. */
  activityInput() {
    return {
      requestId: `req-matrix-activity-${newOpenid('a').slice(-12)}`,
      deputyId: DEPUTY_ID,
      kind: 'lawEnforcement' as const,
      date: shanghaiDate(new Date()),
      place: '华富街道莲花北社区',
    };
  }

  /** A fresh activity recorded by the demo officer for the demo deputy; disputed by the deputy when asked. */
  async activity(status: 'recorded' | 'disputed'): Promise<string> {
    const recorded = await this.backend.data('user', 'recordActivity', this.activityInput(), OFFICER);
    if (status === 'disputed') await this.backend.data('user', 'confirmActivity', { activityId: recorded.id, confirm: false, reason: '当天不在' }, DEPUTY);
    return recorded.id;
  }

  /** The station as stored, its location as GeoJSON (the SDK reads points back as Geo objects). */
  async station(): Promise<Station> {
    const { data } = await this.backend.db.collection('stations').doc(STATION).get();
    const station = data[0] as Station;
    return { ...station, location: toGeoPoint(station.location) };
  }

  /** A deputy record of the station made for one row, so binding it touches no demo account. */
  async freshDeputy(): Promise<string> {
    const person = await this.backend.data(
      'admin',
      'saveDeputy',
      { name: '何志强', level: 'district', delegation: '福田区代表团 华富选区', occupation: '华富街道居民', stationIds: [STATION] },
      CALLERS.admin,
    );
    return person.id;
  }

  async openInvite(): Promise<string> {
    const personId = await this.freshDeputy();
    return (await this.backend.data('admin', 'createInvite', { role: 'deputy', personId }, CALLERS.admin)).code;
  }

  /** A fresh deputy bound to a fresh WeChat account by a redeemed invite. */
  async boundDeputy(): Promise<string> {
    const personId = await this.freshDeputy();
    const { code } = await this.backend.data('admin', 'createInvite', { role: 'deputy', personId }, CALLERS.admin);
    await this.backend.data('user', 'redeem', { code }, newOpenid('matrix-redeemer'));
    return personId;
  }
}

export { ref };
