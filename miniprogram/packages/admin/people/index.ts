import type { PersonView } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { edits, handPerson } from '../common/handoff';
import { itemsOf, listLoading } from '../common/list-page';
import type { ListSession } from '../common/list-page';
import { addText, emptyText, PEOPLE_TABS, toPersonRow } from './view-model';
import type { PersonKind, PersonRow } from './view-model';

interface Session extends ListSession<PersonView> {
  kind: PersonKind;
}

const {
  sessions,
  methods: loading,
  search,
} = listLoading<PersonView, Session>({
  key: 'people',
  fetch: (s, page) => itemsOf(callApi('admin', 'people', { kind: s.kind, ...(s.query ? { query: s.query } : {}), page }), (d) => d.people),
  toRow: toPersonRow,
  shown: (s) => ({ emptyText: emptyText(s.kind, s.query) }),
  edits: 'people',
});

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
    ...loading,
    onTab(event: { detail: { name: PersonKind } }) {
      const s = sessions.get(this);
      if (!s || event.detail.name === s.kind) return;
      s.kind = event.detail.name;
      this.setData({ kind: s.kind, addText: addText(s.kind), people: [], hasMore: false });
      return this.load();
    },
    ...search,
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
