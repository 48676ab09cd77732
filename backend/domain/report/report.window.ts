/** The rating window: residents rate a report from its publication until `ratingClosesAt`, excluded. */

const DAY_MS = 86_400_000;

export function ratingClosesAt(publishedAt: Date, windowDays: number): Date {
  return new Date(publishedAt.getTime() + windowDays * DAY_MS);
}

export function ratingOpen(closesAt: Date, now: Date): boolean {
  return now.getTime() < closesAt.getTime();
}
