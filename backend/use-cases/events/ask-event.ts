/**
 * reception.ask: a resident's question in advance, before the event starts: checked by WeChat
 * like every text (when the check cannot answer it is kept and flagged for the officer), and
 * limited per day and per event. Stored with the asker for the limit and their own export;
 * read back without them (data/event-questions.ts).
 */
import type { AskEventInput } from '../../../typings/event';
import type { Actor } from '../../domain/case';
import { EVENT_REFUSALS as refuse, eventOpen } from '../../domain/event';
import { ok, type Result } from '../../domain/result';
import { insertQuestion, questionsSentSince, questionsSentTo } from '../../data/event-questions';
import type { WxGateway } from '../../platform/wx-gateway';
import { checkContent } from '../cases/content-check';
import { EVENT_SETTINGS, type EventContext } from './context';
import { findEvent } from './read-event';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function askEvent(ctx: EventContext, actor: Actor, input: AskEventInput): Promise<Result<{ asked: true }>> {
  const { db, now } = ctx;
  if (actor.role !== 'resident' || !actor.openid) return refuse.notResident();
  const openid = actor.openid;
  const event = await findEvent(ctx, input.receptionId);
  if (!event) return refuse.notFound();
  if (!eventOpen(event, now)) return refuse.closed();
  const [today, here] = await Promise.all([questionsSentSince(db, openid, new Date(now.getTime() - DAY_MS)), questionsSentTo(db, event._id, openid)]);
  if (today >= EVENT_SETTINGS.questionsPerDay) return refuse.tooManyToday(EVENT_SETTINGS.questionsPerDay);
  if (here >= EVENT_SETTINGS.questionsPerEvent) return refuse.tooManyHere(EVENT_SETTINGS.questionsPerEvent);

  const verdict = await checkContent(ctx.wx as WxGateway, openid, undefined, input.question);
  if (verdict === 'risky') return refuse.risky();
  await insertQuestion(db, {
    _id: `eq-${ctx.randomId()}`,
    receptionId: event._id,
    askerOpenid: openid,
    question: input.question,
    at: now,
    ...(verdict === 'unchecked' ? { check: 'pending' as const } : {}),
  });
  return ok({ asked: true as const });
}
