/**
 * The retention job, run by the scheduler: a resident's contact (name, phone) is removed
 * from cases that ended more than `contactRetentionDays` ago (config/retention.json), and from
 * reception-day visits recorded that long ago, and from 立法意见 comments whose consultation
 * closed that long ago. The
 * case itself stays, for the figures and the station's record. Bounded per run by `limit`;
 * what is left is found by the next run, since purged cases no longer match.
 */
import retention from '../../../config/retention.json';
import { commentContactsClosedBefore, contactCutoff, contactRetentionDays } from '../../domain/retention';
import { casesWithExpiredContact, removeContact } from '../../data/account';
import { purgeVisitContacts } from '../../data/visits';
import { purgeCommentContacts } from '../../data/consultation-comments';
import type { Database } from '../../platform/cloudbase';

/** Read once per instance; a bad value fails loudly instead of purging live contacts. */
export const CONTACT_RETENTION_DAYS = contactRetentionDays(retention);

/**
 * Answers how many contacts were removed from cases (`limit` at most) and, in one update each, from
 * visits recorded before the cutoff (接待日登记) and comments of consultations closed before it.
 */
export async function purgeExpiredContacts(db: Database, now: Date, limit: number, days: number = CONTACT_RETENTION_DAYS): Promise<number> {
  const cutoff = contactCutoff(now, days);
  const [rows, visits, comments] = await Promise.all([
    casesWithExpiredContact(db, cutoff, limit),
    purgeVisitContacts(db, cutoff),
    purgeCommentContacts(db, commentContactsClosedBefore(now, days)),
  ]);
  let purged = 0;
  for (const row of rows) if (await removeContact(db, row)) purged += 1;
  return purged + visits + comments;
}
