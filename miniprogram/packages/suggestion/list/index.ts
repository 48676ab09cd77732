import type { Failure } from '../../../services/outcome';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { now } from '../../../utils/time';
import { STATUS_CHOICES } from '../common/labels';
import type { Choice } from '../common/labels';
import { filterChoices, listPage, openList } from './load';
import { EMPTY_TEXTS, LIST_TITLES, NO_FILTERS, filtersActive, toFiguresView, toSuggestionRow, yearChoices } from './view-model';
import type { FiguresView, ListFilters, ListRole, SuggestionRow } from './view-model';

/** The 统计 tab (the office only): `?tab=figures` opens on it. */
const FIGURES_TAB = 1;

/** Not rendered: the role once known, the last page shown, whether the page has been shown once. */
const sessions = new WeakMap<object, { role: ListRole | null; page: number; shown: boolean }>();

type PickerEvent = WechatMiniprogram.PickerChange;

/** 代表建议: 我的建议 (deputies), 待办建议 (units, overdue first), 全部建议 with filters and figures (the office). */
definePage({
  data: {
    loading: true,
    role: '' as ListRole | '',
    title: '',
    emptyText: '',
    rows: [] as SuggestionRow[],
    hasMore: false,
    loadingMore: false,
    tab: 0,
    filters: { ...NO_FILTERS } as ListFilters,
    filtered: false,
    statusChoices: STATUS_CHOICES,
    unitChoices: [{ value: '', label: '全部承办单位' }] as Choice<string>[],
    deputyChoices: [{ value: '', label: '全部代表' }] as Choice<string>[],
    statusIndex: 0,
    unitIndex: 0,
    deputyIndex: 0,
    years: yearChoices(now()),
    yearIndex: 0,
    figures: null as FiguresView | null,
    figuresState: 'idle' as 'idle' | 'loading' | 'loaded' | 'error',
    figuresError: null as Failure | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { role: null, page: 0, shown: false });
      if (query.tab === 'figures') this.setData({ tab: FIGURES_TAB });
      return this.load();
    },
    /** Back from a suggestion or the editor: what changed there shows here. */
    onShow() {
      const s = sessions.get(this);
      if (s?.shown && !this.data.loading) void this.load();
      if (s) s.shown = true;
    },
    ...reloadMethods,
    async load() {
      const s = sessions.get(this)!;
      const first = !s.role;
      const opened = await this.run(
        () => openList(s.role, this.data.filters),
        ({ role, list }) => ({
          role,
          title: LIST_TITLES[role],
          emptyText: EMPTY_TEXTS[role],
          rows: list.suggestions.map((x) => toSuggestionRow(x, role, now())),
          hasMore: list.hasMore,
          filtered: filtersActive(this.data.filters),
        }),
      );
      if (!opened) return;
      s.role = opened.role;
      s.page = 0;
      if (first) wx.setNavigationBarTitle({ title: LIST_TITLES[opened.role] });
      if (first && opened.role === 'admin') {
        this.setData(await filterChoices().then((c) => ({ unitChoices: c.units, deputyChoices: c.deputies })));
        if (this.data.tab === FIGURES_TAB) void this.loadFigures();
      }
    },
    async onReachBottom() {
      const s = sessions.get(this)!;
      const { hasMore, loadingMore, loading, rows, tab } = this.data;
      if (!s.role || !hasMore || loadingMore || loading || tab === FIGURES_TAB) return;
      this.setData({ loadingMore: true });
      const answer = await listPage(s.role, this.data.filters, s.page + 1);
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        return void wx.showToast({ title: answer.error.message, icon: 'none' });
      }
      s.page += 1;
      const seen = new Set(rows.map((r) => r.id));
      const added = answer.data.suggestions.filter((x) => !seen.has(x.id)).map((x) => toSuggestionRow(x, s.role!, now()));
      this.setData({ ...Object.fromEntries(added.map((row, i) => [`rows[${rows.length + i}]`, row])), hasMore: answer.data.hasMore, loadingMore: false });
    },
    onOpen(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      wx.navigateTo({ url: `/packages/suggestion/detail/index?id=${event.currentTarget.dataset.id}` });
    },
    onWrite() {
      wx.navigateTo({ url: '/packages/suggestion/edit/index' });
    },
    onSwitch(event: WechatMiniprogram.CustomEvent<{}, {}, { index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ tab: index });
      if (index === FIGURES_TAB && this.data.figuresState === 'idle') return this.loadFigures();
    },
    onStatus(event: PickerEvent) {
      const index = Number(event.detail.value);
      return this.filter({ status: this.data.statusChoices[index].value }, { statusIndex: index });
    },
    onUnit(event: PickerEvent) {
      const index = Number(event.detail.value);
      return this.filter({ unitId: this.data.unitChoices[index].value }, { unitIndex: index });
    },
    onDeputy(event: PickerEvent) {
      const index = Number(event.detail.value);
      return this.filter({ deputyId: this.data.deputyChoices[index].value }, { deputyIndex: index });
    },
    onOverdue(event: { detail: boolean }) {
      return this.filter({ overdue: event.detail }, {});
    },
    onClearFilters() {
      return this.filter({ ...NO_FILTERS }, { statusIndex: 0, unitIndex: 0, deputyIndex: 0 });
    },
    filter(change: Partial<ListFilters>, indexes: Record<string, number>) {
      this.setData({ filters: { ...this.data.filters, ...change }, ...indexes });
      return this.load();
    },
    onYear(event: PickerEvent) {
      this.setData({ yearIndex: Number(event.detail.value) });
      return this.loadFigures();
    },
    async loadFigures() {
      this.setData({ figuresState: 'loading', figuresError: null });
      const answer = await callApi('suggestion', 'figures', { year: this.data.years[this.data.yearIndex] });
      if (!answer.ok) return this.setData({ figuresState: 'error', figuresError: answer.error });
      this.setData({ figuresState: 'loaded', figures: toFiguresView(answer.data) });
    },
  },
});
