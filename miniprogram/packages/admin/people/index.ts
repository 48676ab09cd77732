import type { PersonView } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { edits, handPerson } from '../common/handoff';
import { appendRows, nextPage, unseen } from '../common/paging';
import { addText, emptyText, PEOPLE_TABS, toPersonRow } from './view-model';
import type { PersonKind, PersonRow } from './view-model';

/** Not rendered: the records behind the rows, what was asked, and which answer is the latest. */
interface Session {
  records: PersonView[];
  kind: PersonKind;
  query: string;
  asked: number;
  seenEdits: number;
}
const sessions = new WeakMap<object, Session>();

const ask = (s: Session, page: number) => callApi('admin', 'people', { kind: s.kind, ...(s.query ? { query: s.query } : {}), page });

/** 代表与联络员: the district's deputies, officers and office staff by tab; whether each has bound WeChat. */
definePage({
  data: {
    loading: true,
    tabs: PEOPLE_TABS,
    kind: 'deputy' as PersonKind,
    query: '',
    addText: addText('deputy'),
    people: [] as PersonRow[],
    hasMore: false,
    loadingMore: false,
    emptyText: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const kind = PEOPLE_TABS.find((t) => t.name === query.kind)?.name ?? 'deputy';
      sessions.set(this, { records: [], kind, query: '', asked: 0, seenEdits: edits.people });
      this.setData({ kind, addText: addText(kind) });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    onShow() {
      const s = sessions.get(this);
      if (s && s.seenEdits !== edits.people) {
        s.seenEdits = edits.people;
        return this.load();
      }
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      const s = sessions.get(this)!;
      const asked = ++s.asked;
      const { kind, query } = s;
      await this.run(
        () => ask(s, 0),
        (data) => {
          if (asked !== s.asked) return {};
          s.records = data.people;
          return { people: data.people.map(toPersonRow), hasMore: data.hasMore, emptyText: emptyText(kind, query) };
        },
      );
    },
    onTab(event: { detail: { name: PersonKind } }) {
      const s = sessions.get(this);
      if (!s || event.detail.name === s.kind) return;
      s.kind = event.detail.name;
      this.setData({ kind: s.kind, addText: addText(s.kind), people: [], hasMore: false });
      return this.load();
    },
    onQuery(event: { detail: string }) {
      this.setData({ query: event.detail });
    },
    onSearch(event: { detail: string }) {
      sessions.get(this)!.query = String(event.detail ?? '').trim();
      return this.load();
    },
    onClear() {
      sessions.get(this)!.query = '';
      this.setData({ query: '' });
      return this.load();
    },
    async onReachBottom() {
      const s = sessions.get(this);
      if (!s || !this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const asked = s.asked;
      const answer = await ask(s, nextPage(s.records.length));
      if (asked !== s.asked) return;
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      const fresh = unseen(s.records, answer.data.people);
      const from = s.records.length;
      s.records = [...s.records, ...fresh];
      this.setData({ ...appendRows('people', from, fresh.map(toPersonRow)), hasMore: answer.data.hasMore, loadingMore: false });
    },
    onOpen(event: { currentTarget: { dataset: { index: number } } }) {
      const person = sessions.get(this)?.records[Number(event.currentTarget.dataset.index)];
      if (!person) return;
      handPerson(person);
      wx.navigateTo({ url: `/packages/admin/person/index?id=${encodeURIComponent(person.id)}&kind=${person.kind}` });
    },
    onCreate() {
      wx.navigateTo({ url: `/packages/admin/person/index?kind=${this.data.kind}` });
    },
  },
});
