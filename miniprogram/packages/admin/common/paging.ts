/**
 * Lists of 20 a page (admin.stations, admin.people, admin.invites): appending a further page,
 * and reading every page where a picker needs the whole list (a district's stations or officers).
 */
import type { Outcome } from '../../../services/outcome';

export const PAGE_SIZE = 20;
/** A district has tens of stations and officers; past this something is wrong, not long. */
const MAX_PAGES = 25;

export function nextPage(shownCount: number): number {
  return Math.ceil(shownCount / PAGE_SIZE);
}

/** `setData` paths that append rows (`rows[20]` …): a further page sends only what is new. */
export function appendRows<T>(key: string, from: number, rows: readonly T[]): Record<string, T> {
  return Object.fromEntries(rows.map((row, i) => [`${key}[${from + i}]`, row]));
}

/** Rows of a further page not shown yet (a record added meanwhile shifts the pages). */
export function unseen<T extends { id: string }>(shown: readonly { id: string }[], page: readonly T[]): T[] {
  const seen = new Set(shown.map((r) => r.id));
  return page.filter((r) => !seen.has(r.id));
}

export async function everyPage<T>(fetchPage: (page: number) => Promise<Outcome<{ items: T[]; hasMore: boolean }>>): Promise<Outcome<T[]>> {
  const items: T[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await fetchPage(page);
    if (!answer.ok) return answer;
    items.push(...answer.data.items);
    if (!answer.data.hasMore) break;
  }
  return { ok: true, data: items };
}
