/**
 * Wrong presence codes per deputy and minute, in this function instance's memory. A refused
 * call writes nothing (the database stays as it was), so the count cannot live there; per
 * instance it still keeps guessing a 6-digit code at a handful of tries a minute for each
 * instance CloudBase runs, where it would otherwise be as fast as the function answers.
 */
const MINUTE_MS = 60_000;
/** Past this many deputies, counts of earlier minutes are dropped: memory stays bounded whoever calls. */
const MAX_ENTRIES = 10_000;

export class WrongCodeCounter {
  private readonly counts = new Map<string, { minute: number; wrong: number }>();

  constructor(private readonly perMinute: number) {}

  /** Whether this deputy has used up the minute's wrong codes. */
  exhausted(deputyId: string, now: Date): boolean {
    const entry = this.counts.get(deputyId);
    return entry !== undefined && entry.minute === minuteOf(now) && entry.wrong >= this.perMinute;
  }

  record(deputyId: string, now: Date): void {
    const minute = minuteOf(now);
    const entry = this.counts.get(deputyId);
    if (entry && entry.minute === minute) entry.wrong += 1;
    else this.counts.set(deputyId, { minute, wrong: 1 });
    if (this.counts.size > MAX_ENTRIES) {
      for (const [key, value] of this.counts) if (value.minute !== minute) this.counts.delete(key);
    }
  }
}

const minuteOf = (now: Date): number => Math.floor(now.getTime() / MINUTE_MS);
