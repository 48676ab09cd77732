/**
 * Look-alike searches per account and minute, in this function instance's memory: a search
 * writes nothing, so counting it in the database would cost a write per keystroke pause. Per
 * instance it still bounds what one account can make the database do (CloudBase runs a few
 * instances of a function, so an account gets at most a few times the limit).
 */
const MINUTE_MS = 60_000;
/** Past this many accounts, counts of earlier minutes are dropped: memory stays bounded whoever calls. */
const MAX_ENTRIES = 10_000;

export class SearchCounter {
  private readonly counts = new Map<string, { minute: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Counts this search; false when the account has used up the minute's searches (then it is not counted). */
  allow(openid: string, now: Date): boolean {
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    const entry = this.counts.get(openid);
    if (entry && entry.minute === minute) {
      if (entry.count >= this.perMinute) return false;
      entry.count += 1;
      return true;
    }
    this.counts.set(openid, { minute, count: 1 });
    if (this.counts.size > MAX_ENTRIES) {
      for (const [key, value] of this.counts) if (value.minute !== minute) this.counts.delete(key);
    }
    return true;
  }
}
