/**
 * One tap turns a visit into a case submitted on the resident's behalf (接待日登记): the same
 * content check and opening rules as case.submit, the station and the deputy already set, owned
 * by nobody until the resident claims it with the one-time code answered here. The case id is
 * made of the visit, so a retry (or a twin call) finds the case instead of making a second one;
 * a retry after the case was made answers a fresh code (the earlier one stops working).
 * The station's officers are told of the case waiting for them (handlerTask), as of any task.
 * Round trips: the visit, the station, the content check, the receipt, the officers' accounts and
 * their grants, the insert, the messages' sends, the visit's update.
 */
import type { VisitClaim, VisitToCaseOutput } from '../../../typings/visit';
import { noticeDueAt } from '../../data/case-outbox';
import { findCase, insertCase, toStoredEvent } from '../../data/cases';
import { drawNext } from '../../data/counters';
import { findStation } from '../../data/stations';
import { returnGrant, takeGrant } from '../../data/subscriptions';
import { findVisit, replaceClaimCode, setVisitConverted } from '../../data/visits';
import { findReception } from '../../data/receptions';
import { formatReceiptNumber, receiptCounterId, receiptPrefixOf, type Actor, type CaseEvent, type CaseState } from '../../domain/case';
import { fail, ok, type Result } from '../../domain/result';
import { openVisitCase } from '../../domain/visit';
import { writtenWithChange } from '../../notifications/outbox';
import { sendWrittenNotices } from '../cases/after-change';
import { checkContent } from '../cases/content-check';
import { handlerOutbox } from '../cases/handler-outbox';
import { newClaim } from './claim-code';
import type { VisitContext } from './context';
import { visitView } from './visit-view';
import { mayConvert } from './visit-scope';

const NOT_YOURS = '只有本站联络员和接待这位群众的代表可以操作这条登记';

export async function visitToCase(ctx: VisitContext, actor: Actor, openid: string, input: { visitId: string; requestId: string }): Promise<Result<VisitToCaseOutput>> {
  const { db, now } = ctx;
  const visit = await findVisit(db, input.visitId);
  if (!visit || !mayConvert(actor, visit)) return fail('FORBIDDEN', NOT_YOURS);
  if (visit.case) {
    const fresh = await freshCode(ctx, visit._id);
    if (!fresh.ok) return fresh;
    return ok({ visit: await visitView({ ...visit, claim: { ...fresh.value.stored } }), claim: fresh.value.shown });
  }

  const station = await findStation(db, { id: visit.stationId });
  if (!station) return fail('NOT_FOUND', '没有找到这个联络站');
  // The text was checked when recorded; the case is checked again like any submission (a voice- or photo-only visit has none).
  if (visit.issue && (await checkContent(ctx.wx, openid, undefined, visit.issue)) === 'risky') {
    return fail('CONTENT_RISKY', '登记内容含有不适宜发布的内容（如广告、违法信息），请修改后再提交');
  }
  const caseId = `vc${ctx.hash(`visit-case\n${visit._id}`).slice(0, 30)}`;
  const existing = await findCase(db, caseId);
  let receiptNo = existing?.state.receiptNo;
  if (!existing) {
    // The officer who accepts an answered visit's case: the recorder, or the reception's officer when a deputy recorded it.
    const officer: Actor =
      actor.role === 'officer' ? actor : { role: 'officer', id: (await findReception(db, visit.receptionId))?.officerId ?? 'station', stationIds: [visit.stationId] };
    const prefix = receiptPrefixOf(station.code);
    const preview = openVisitCase({ visit, recorder: actor, officer, caseId, receiptNo: formatReceiptNumber(prefix, now, 1), now, ids: ctx.ids });
    if (!preview.ok) return preview;
    receiptNo = formatReceiptNumber(prefix, now, await drawNext(db, receiptCounterId(prefix, now), now));
    const opened = openVisitCase({ visit, recorder: actor, officer, caseId, receiptNo, now, ids: ctx.ids });
    if (!opened.ok) throw new Error(`openVisitCase refused what it accepted a moment ago: ${opened.failure.code}`);
    const { next, events } = opened.value;
    const told = await tellOfficers(ctx, events, next, actor);
    const extras = {
      stationName: station.name,
      contentHash: ctx.hash(`${next.title}\n${next.content}`),
      unreadCount: 0,
      readSeq: next.lastSeq,
      joinCount: 0,
      ...(visit.deputyId ? { deputyNames: { [visit.deputyId]: visit.deputyName ?? '' } } : {}),
    };
    const stored = events.map((event) => toStoredEvent(event));
    const inserted = await insertCase(db, next, extras, stored, told.outbox);
    if (inserted === 'exists') {
      await told.giveBack();
      receiptNo = (await findCase(db, caseId))?.state.receiptNo ?? receiptNo;
    } else {
      const record = { state: next, extras, events: [...events], outbox: [...told.outbox.notices], outboxRev: 0 };
      await sendWrittenNotices(ctx, record, told.claimed);
    }
  }
  const claim = await newClaim(ctx);
  const converted = { case: { id: caseId, receiptNo: receiptNo!, requestId: input.requestId }, claim: claim.stored };
  await setVisitConverted(db, visit._id, converted, now);
  return ok({ visit: await visitView({ ...visit, ...converted, status: 'converted' }), claim: claim.shown });
}

/**
 * The station's officers hear of the case waiting for their acceptance (handlerTask, 待办事项提醒;
 * notifications/handler-notices.ts), as handlers hear of every task: written with the case, each
 * on the person's own grant, sent right after — never to whoever converted the visit. A case
 * made from a visit answered on the spot waits for nobody: no message.
 */
async function tellOfficers(ctx: VisitContext, events: readonly CaseEvent[], next: CaseState, actor: Actor) {
  const { db, now } = ctx;
  const notices = await handlerOutbox(
    db,
    events.filter((event) => event.kind === 'submitted'),
    next,
    actor,
    now,
  );
  const granted = await Promise.all(notices.map((notice) => takeGrant(db, notice.openid, notice.templateId, now)));
  const written = notices.map((notice, i) => writtenWithChange(notice, granted[i], now));
  const due = written.flatMap((notice) => noticeDueAt(notice) ?? []);
  return {
    outbox: { notices: written, ...(due.length ? { dueAt: new Date(Math.min(...due.map((at) => at.getTime()))) } : {}) },
    claimed: written.filter((_, i) => granted[i]).map((notice) => notice._id),
    giveBack: () => Promise.all(written.filter((_, i) => granted[i]).map((notice) => returnGrant(db, notice.openid, notice.templateId, now))),
  };
}

/** reception.claimCode: a new code for a converted visit nobody claimed yet. */
export async function renewClaimCode(ctx: VisitContext, actor: Actor, visitId: string): Promise<Result<VisitClaim>> {
  const visit = await findVisit(ctx.db, visitId);
  if (!visit || !mayConvert(actor, visit)) return fail('FORBIDDEN', NOT_YOURS);
  if (!visit.case) return fail('INVALID_INPUT', '这条登记还没有转为留言', 'visitId');
  const fresh = await freshCode(ctx, visit._id);
  return fresh.ok ? ok(fresh.value.shown) : fresh;
}

async function freshCode(ctx: VisitContext, visitId: string): Promise<Result<Awaited<ReturnType<typeof newClaim>>>> {
  const claim = await newClaim(ctx);
  if (!(await replaceClaimCode(ctx.db, visitId, claim.stored, ctx.now))) return fail('CONFLICT', '群众已认领这条留言，无需再生成认领码');
  return ok(claim);
}
