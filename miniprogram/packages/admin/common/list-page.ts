/**
 * The admin list pages (联络站, 代表与联络员, 邀请码) load the same way: the first page on
 * open, pull-down and retry; a further page at the bottom; only the latest answer counts
 * (a search typed meanwhile makes an older one stale). Spread `methods` (and `search` where
 * the list has a search bar) into definePage's methods; the page sets its session in onLoad.
 */
import type { Outcome } from '../../../services/outcome';
import { edits } from './handoff';
import { appendRows, nextPage, unseen } from './paging';

/** Not rendered: the records behind the rows, what was asked, and which answer is the latest. */
export interface ListSession<R> {
  records: R[];
  query: string;
  asked: number;
  /** `edits[spec.edits]` when the list was last loaded. */
  seenEdits: number;
}

export type ListPageOf<R> = Promise<Outcome<{ items: R[]; hasMore: boolean }>>;

export interface ListSpec<R, S extends ListSession<R>> {
  /** The data key the rows are rendered from. */
  key: string;
  fetch(s: S, page: number): ListPageOf<R>;
  toRow(record: R): unknown;
  /** What identifies a record across pages; `id` unless said. */
  idOf?(record: R): string;
  /** More data the first page sets (the empty text for this query). */
  shown?(s: S): Record<string, unknown>;
  /** The edit counter (common/handoff) that brings the first page back when the list shows again. */
  edits?: keyof typeof edits;
}

/** What these methods need of the page they are mixed into (definePage gives the rest). */
interface ListPage {
  data: { hasMore: boolean; loadingMore: boolean };
  setData(data: Record<string, unknown>): void;
  run<T>(step: () => Promise<Outcome<T>>, show?: (data: T) => Record<string, unknown>): Promise<T | undefined>;
  load(): Promise<void>;
}

/** An answer's rows under one name, whatever the action calls them. */
export async function itemsOf<T extends { hasMore: boolean }, R>(answer: Promise<Outcome<T>>, items: (data: T) => R[]): ListPageOf<R> {
  const a = await answer;
  return a.ok ? { ok: true, data: { items: items(a.data), hasMore: a.data.hasMore } } : a;
}

export function listLoading<R, S extends ListSession<R>>(spec: ListSpec<R, S>) {
  const sessions = new WeakMap<object, S>();
  const idOf = spec.idOf ?? ((record: R) => (record as { id: string }).id);
  const withId = (record: R) => ({ record, id: idOf(record) });

  const methods = {
    onRetry(this: ListPage) {
      return this.load();
    },
    /** Back from an edit that saved: the first page again, so the change shows. */
    onShow(this: ListPage) {
      const s = sessions.get(this);
      if (s && spec.edits && s.seenEdits !== edits[spec.edits]) {
        s.seenEdits = edits[spec.edits];
        return this.load();
      }
    },
    async onPullDownRefresh(this: ListPage) {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load(this: ListPage) {
      const s = sessions.get(this)!;
      const asked = ++s.asked;
      await this.run(
        () => spec.fetch(s, 0),
        (data) => {
          if (asked !== s.asked) return {};
          s.records = data.items;
          return { [spec.key]: data.items.map((r) => spec.toRow(r)), hasMore: data.hasMore, ...spec.shown?.(s) };
        },
      );
    },
    async onReachBottom(this: ListPage) {
      const s = sessions.get(this);
      if (!s || !this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const asked = s.asked;
      const answer = await spec.fetch(s, nextPage(s.records.length));
      if (asked !== s.asked) return;
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      const fresh = unseen(s.records.map(withId), answer.data.items.map(withId)).map((r) => r.record);
      const from = s.records.length;
      s.records = [...s.records, ...fresh];
      this.setData({
        ...appendRows(
          spec.key,
          from,
          fresh.map((r) => spec.toRow(r)),
        ),
        hasMore: answer.data.hasMore,
        loadingMore: false,
      });
    },
  };

  /** The search bar: typing only echoes; 搜索 and 清除 ask for the first page again. */
  const search = {
    onQuery(this: ListPage, event: { detail: string }) {
      this.setData({ query: event.detail });
    },
    onSearch(this: ListPage, event: { detail: string }) {
      sessions.get(this)!.query = String(event.detail ?? '').trim();
      return this.load();
    },
    onClear(this: ListPage) {
      sessions.get(this)!.query = '';
      this.setData({ query: '' });
      return this.load();
    },
  };

  return { sessions, methods, search };
}
