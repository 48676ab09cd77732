/**
 * The `event_questions` collection: a resident's question in advance to a 代表论坛 / 约见. The
 * asker's openid is kept for the rate limit and their own export only: questions leave this
 * module with text, time and check state — never who asked. Indexes: receptionId_at (an event's
 * questions), askerOpenid_at (the rate limit, the person's own).
 */
import type { EventQuestion } from '../../typings/event';
import type { Database } from '../platform/cloudbase';

const QUESTIONS = 'event_questions';

export interface QuestionRecord {
  _id: string;
  receptionId: string;
  askerOpenid: string;
  question: string;
  at: Date;
  /** WeChat's check could not answer. */
  check?: 'pending';
}

export async function insertQuestion(db: Database, record: QuestionRecord): Promise<void> {
  await db.collection(QUESTIONS).add({ ...record });
}

/** How many questions the account sent since `since`, over all events. */
export async function questionsSentSince(db: Database, openid: string, since: Date): Promise<number> {
  const _ = db.command;
  const { total } = await db
    .collection(QUESTIONS)
    .where({ askerOpenid: openid, at: _.gte(since) })
    .count();
  return total;
}

export async function questionsSentTo(db: Database, receptionId: string, openid: string): Promise<number> {
  const { total } = await db.collection(QUESTIONS).where({ receptionId, askerOpenid: openid }).count();
  return total;
}

/** Newest first: text, time and check state only. */
export async function questionsOf(db: Database, receptionId: string, limit: number): Promise<EventQuestion[]> {
  const { data } = await db.collection(QUESTIONS).where({ receptionId }).orderBy('at', 'desc').limit(limit).get();
  return (data as Record<string, unknown>[]).map((doc) => ({
    question: String(doc.question ?? ''),
    at: (doc.at instanceof Date ? doc.at : new Date(doc.at as string)).toISOString(),
    ...(doc.check === 'pending' ? { unchecked: true } : {}),
  }));
}

/** Per event, for the officer's schedule: one grouped read. */
export async function questionCounts(db: Database, receptionIds: readonly string[]): Promise<Map<string, number>> {
  if (receptionIds.length === 0) return new Map();
  const _ = db.command;
  const { data } = await db
    .collection(QUESTIONS)
    .aggregate()
    .match({ receptionId: _.in([...receptionIds]) })
    .group({ _id: '$receptionId', count: _.aggregate.sum(1) })
    .end();
  return new Map((data as { _id: string; count: number }[]).map((row) => [row._id, row.count]));
}

/** The person's own, for their export. */
export async function questionsBy(db: Database, openid: string, limit: number): Promise<QuestionRecord[]> {
  const { data } = await db.collection(QUESTIONS).where({ askerOpenid: openid }).orderBy('at', 'desc').limit(limit).get();
  return (data as QuestionRecord[]).map((doc) => ({ ...doc, at: doc.at instanceof Date ? doc.at : new Date(doc.at as unknown as string) }));
}

/** Account deletion: the person's questions go with them (text of their own, and timed to the second). */
export async function removeQuestionsOf(db: Database, openid: string): Promise<void> {
  await db.collection(QUESTIONS).where({ askerOpenid: openid }).remove();
}
