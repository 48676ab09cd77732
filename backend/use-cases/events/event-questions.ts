/** reception.questions: the station's officers and the event's deputies read the questions and the count — never who asked. */
import type { EventQuestionsOutput, EventRefInput } from '../../../typings/event';
import type { Actor } from '../../domain/case';
import { EVENT_REFUSALS as refuse, EVENT_RULES, runsEvent } from '../../domain/event';
import { ok, type Result } from '../../domain/result';
import { attendanceOf } from '../../data/event-attendance';
import { questionsOf } from '../../data/event-questions';
import type { EventContext } from './context';
import { findEvent } from './read-event';

export async function eventQuestions(ctx: EventContext, actor: Actor, input: EventRefInput): Promise<Result<EventQuestionsOutput>> {
  const event = await findEvent(ctx, input.receptionId);
  if (!event) return refuse.notFound();
  if (!runsEvent(actor, event)) return refuse.notYourEvent();
  const [attendance, questions] = await Promise.all([attendanceOf(ctx.db, event._id), questionsOf(ctx.db, event._id, EVENT_RULES.questionsShown)]);
  return ok({ receptionId: event._id, attendance, questions });
}
