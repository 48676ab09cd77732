/**
 * How a public page opened from a shared link (?id=…) loads its one record (a 述职报告, a 代表论坛):
 * a link without an id is answered NOT_FOUND with no round trip, the id is kept for 重试, the
 * last answer for sharing and for the page's own commands, and 查找附近联络站 leads out of a
 * dead link. Spread `methods` into definePage's methods.
 */
import type { Failure, Outcome } from '../services/outcome';

/** What these methods need of the page they are mixed into (definePage gives the rest). */
interface LinkedPage {
  run<T>(step: () => Promise<Outcome<T>>, show?: (data: T) => Record<string, unknown>): Promise<T | undefined>;
  load(): Promise<void>;
}

export interface LinkedRecordOptions<T> {
  /** What a link without an id says (code NOT_FOUND, so the page offers the nearby stations). */
  notFound: Failure;
  read: (id: string) => Promise<Outcome<T>>;
  /** The setData that shows it. */
  show: (record: T) => Record<string, unknown>;
  share: (record: T) => { title: string; path: string };
  /** After each load that found it: what else the page does with it (its title …). */
  opened?: (record: T) => void;
}

export function linkedRecord<T>(options: LinkedRecordOptions<T>) {
  /** Per page instance, off `data`: which record (to retry) and the last answer (to share, to act on). */
  const sessions = new WeakMap<object, { id: string; record?: T }>();
  const notFound: Outcome<T> = { ok: false, error: options.notFound };
  const methods = {
    onLoad(this: LinkedPage, query: Record<string, string | undefined>) {
      sessions.set(this, { id: query.id ?? '' });
      return this.load();
    },
    onRetry(this: LinkedPage) {
      return this.load();
    },
    async load(this: LinkedPage) {
      const session = sessions.get(this)!;
      const found = await this.run(() => (session.id ? options.read(session.id) : Promise.resolve(notFound)), options.show);
      if (!found) return;
      session.record = found;
      options.opened?.(found);
    },
    onFindNearby() {
      wx.switchTab({ url: '/pages/stations/index' });
    },
    onShareAppMessage(this: object) {
      const record = sessions.get(this)?.record;
      return record ? options.share(record) : {};
    },
  };
  return {
    methods,
    /** The record as last answered: what the page's commands act on. */
    current: (page: object): T | undefined => sessions.get(page)?.record,
    /** After a command answered the record anew. */
    remember(page: object, record: T): void {
      const session = sessions.get(page);
      if (session) session.record = record;
    },
  };
}
