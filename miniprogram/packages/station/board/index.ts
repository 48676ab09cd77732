import type { BoardOutput } from '../../../../typings/board';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { boardUrl, publicCaseUrl } from '../../../pages/stations/routes';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { IDLE_SUGGESTIONS, SUGGESTIONS_TAB, toPublishedCard } from './suggestions';
import type { SuggestionsTab } from './suggestions';
import { boardScope, monthOptions, monthRows, newCards, toBoardCard } from './view-model';
import type { BoardCard, BoardScope, MonthOption, MonthRow } from './view-model';

/** Not rendered: whose board, and the last page shown (0-based). */
const sessions = new WeakMap<object, { scope: BoardScope | null; page: number }>();

/** Opened without a station or a district: a mangled link. */
const NO_SCOPE: Outcome<BoardOutput> = { ok: false, error: { code: 'NOT_FOUND', message: '没有找到要查看的联络站', hint: '请从联络站页面或附近联络站进入办理公开' } };

type TapEvent = WechatMiniprogram.CustomEvent<{}, {}, { id: string }>;

/** 办理公开: closed cases whose residents allowed it, anonymised, with the monthly figures beside them. */
definePage({
  data: {
    loading: true,
    name: '',
    months: monthOptions(now()),
    monthIndex: 0,
    figures: [] as MonthRow[],
    cards: [] as BoardCard[],
    hasMore: false,
    loadingMore: false,
    /** The last three months are shown at first: the cases are what most come for. */
    allMonths: false,
    /** 0: the cases; 1: 代表建议 answers published by their units. */
    tab: 0,
    suggestions: IDLE_SUGGESTIONS as SuggestionsTab,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { scope: boardScope(query), page: 0 });
      this.setData({ months: monthOptions(now()), ...(query.tab === 'suggestions' ? { tab: SUGGESTIONS_TAB } : {}) });
      await this.load();
      if (this.data.tab === SUGGESTIONS_TAB) await this.loadSuggestions(0);
    },
    onRetry() {
      return this.load();
    },
    chosenMonth(): MonthOption {
      return this.data.months[this.data.monthIndex] ?? this.data.months[0];
    },
    async load() {
      const s = sessions.get(this)!;
      const month = this.chosenMonth().value;
      const step = () => (s.scope ? callApi('station', 'board', { ...s.scope, ...(month ? { month } : {}), page: 0 }) : Promise.resolve(NO_SCOPE));
      const board = await this.run(step, (b) => ({
        name: b.scope.name,
        figures: monthRows(b.months, month),
        cards: b.cases.map((c) => toBoardCard(c, now())),
        hasMore: b.hasMore,
      }));
      if (board) {
        s.page = 0;
        wx.setNavigationBarTitle({ title: `${board.scope.name}办理公开` });
      }
    },
    onToggleMonths() {
      this.setData({ allMonths: !this.data.allMonths });
    },
    onMonth(event: WechatMiniprogram.PickerChange) {
      this.setData({ monthIndex: Number(event.detail.value) });
      return this.load();
    },
    onSwitch(event: WechatMiniprogram.CustomEvent<{}, {}, { index: number }>) {
      const tab = Number(event.currentTarget.dataset.index);
      this.setData({ tab });
      if (tab === SUGGESTIONS_TAB && this.data.suggestions.state === 'idle') return this.loadSuggestions(0);
    },
    onRetrySuggestions() {
      return this.loadSuggestions(this.data.suggestions.page);
    },
    /** A station's: suggestions linked to its cases or by its deputies; a district's: all of them. */
    async loadSuggestions(page: number) {
      const s = sessions.get(this)!;
      if (this.data.suggestions.state === 'loading') return;
      this.setData({ 'suggestions.state': 'loading', 'suggestions.error': null });
      const answer = await callApi('suggestion', 'published', { ...(s.scope?.stationId ? { stationId: s.scope.stationId } : {}), page });
      if (!answer.ok) return this.setData({ 'suggestions.state': 'error', 'suggestions.error': answer.error });
      const cards = answer.data.suggestions.map((x) => toPublishedCard(x, now()));
      this.setData({ suggestions: { state: 'loaded', cards: page ? [...this.data.suggestions.cards, ...cards] : cards, hasMore: answer.data.hasMore, page, error: null } });
    },
    async onReachBottom() {
      if (this.data.tab === SUGGESTIONS_TAB) {
        const { state, hasMore, page } = this.data.suggestions;
        return state === 'loaded' && hasMore ? this.loadSuggestions(page + 1) : undefined;
      }
      const s = sessions.get(this)!;
      const { cards, hasMore, loadingMore, loading } = this.data;
      if (!s.scope || !hasMore || loadingMore || loading) return;
      this.setData({ loadingMore: true });
      const month = this.chosenMonth().value;
      const answer = await callApi('station', 'board', { ...s.scope, ...(month ? { month } : {}), page: s.page + 1 });
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        return void wx.showToast({ title: answer.error.message, icon: 'none' });
      }
      s.page += 1;
      const added = newCards(this.data.cards, answer.data.cases, now());
      const rows = Object.fromEntries(added.map((card, i) => [`cards[${cards.length + i}]`, card]));
      this.setData({ ...rows, hasMore: answer.data.hasMore, loadingMore: false });
    },
    onTapCase(event: TapEvent) {
      wx.navigateTo({ url: publicCaseUrl(event.currentTarget.dataset.id) });
    },
    onShareAppMessage() {
      const scope = sessions.get(this)?.scope;
      const title = `${this.data.name || '人大代表联络站'}办理公开`;
      return { title, path: scope ? boardUrl(scope.stationId ? { stationId: scope.stationId } : { district: scope.district ?? '' }) : '/pages/stations/index' };
    },
  },
});
