/**
 * The `subscriptions` collection: how many subscription messages each user still allows per
 * template (each "accept" in wx.requestSubscribeMessage allows one). `_id` =
 * sha256(openid + templateId). Counts only move with `_.inc`, so concurrent grants and sends
 * never lose an update, and a send takes a grant only while one remains.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../platform/cloudbase';

const SUBSCRIPTIONS = 'subscriptions';

export interface SubscriptionDocument {
  _id: string;
  openid: string;
  templateId: string;
  remaining: number;
  updatedAt: Date;
}

export function grantId(openid: string, templateId: string): string {
  return createHash('sha256').update(`${openid}\u0000${templateId}`).digest('hex');
}

/** Adds `count` grants, creating the document on the first. */
export async function addGrants(db: Database, openid: string, templateId: string, count: number, now: Date): Promise<void> {
  const _id = grantId(openid, templateId);
  const inc = () =>
    db
      .collection(SUBSCRIPTIONS)
      .where({ _id })
      .update({ remaining: db.command.inc(count), updatedAt: now });
  if ((await inc()).updated === 1) return;
  try {
    await db.collection(SUBSCRIPTIONS).add({ _id, openid, templateId, remaining: count, updatedAt: now });
  } catch (error) {
    // Someone created it between our update and insert: add to theirs.
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    await inc();
  }
}

/** Takes one grant if any remains: true when this caller may send. */
export async function takeGrant(db: Database, openid: string, templateId: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: grantId(openid, templateId), remaining: _.gt(0) })
    .update({ remaining: _.inc(-1), updatedAt: now });
  return updated === 1;
}

/** Gives back a grant a send did not use (WeChat refused or was unavailable before delivering). */
export async function returnGrant(db: Database, openid: string, templateId: string, now: Date): Promise<void> {
  await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: grantId(openid, templateId) })
    .update({ remaining: db.command.inc(1), updatedAt: now });
}

/** WeChat says the user allows none (43101): believe it over our count. */
export async function clearGrants(db: Database, openid: string, templateId: string, now: Date): Promise<void> {
  await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: grantId(openid, templateId) })
    .update({ remaining: 0, updatedAt: now });
}

/** Remaining grants per template id (0 for templates never granted). */
export async function remainingGrants(db: Database, openid: string, templateIds: readonly string[]): Promise<Record<string, number>> {
  const ids = templateIds.map((templateId) => grantId(openid, templateId));
  const { data } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length || 1)
    .get();
  const found = new Map((data as SubscriptionDocument[]).map((d) => [d.templateId, Number(d.remaining)]));
  return Object.fromEntries(templateIds.map((templateId) => [templateId, Math.max(0, found.get(templateId) ?? 0)]));
}

/**
 * Which of these users still allow at least one message of the template, in one read (at most
 * 1000 users): a message to anyone else would only be settled as skipped_no_grant when sent.
 */
export async function withGrantsLeft(db: Database, openids: readonly string[], templateId: string): Promise<Set<string>> {
  if (openids.length === 0) return new Set();
  const _ = db.command;
  const { data } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: _.in(openids.map((openid) => grantId(openid, templateId))), remaining: _.gt(0) })
    .field({ openid: true })
    .limit(openids.length)
    .get();
  return new Set((data as { openid: string }[]).map((doc) => doc.openid));
}
