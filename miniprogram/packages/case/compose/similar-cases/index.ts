/**
 * 附近居民也反映过: while a resident writes, the station's open public cases that look alike,
 * each with 我也遇到 (join it instead of, or as well as, filing their own) and 查看. The page
 * calls `consider(query, immediate)` after each change; this asks after a pause, at most one
 * call every few seconds, and shows only the answer to the latest question. Nothing here ever
 * stands in the way of submitting.
 */
import type { SimilarCasesInput } from '../../../../../typings/board';
import { callApi } from '../../../../services/api-client';
import { JOINED_TEXT, joinWithNotices } from '../../../../services/join';
import { publicCaseUrl } from '../../../../pages/stations/routes';
import { joinCountText } from '../../../../utils/public-case';
import { now } from '../../../../utils/time';
import { similarDelay, toSimilarCards } from '../similar';
import type { SimilarCard } from '../similar';

interface Session {
  timer?: ReturnType<typeof setTimeout>;
  /** The question last asked (its JSON), and when: the same one is not asked twice. */
  asked: string;
  askedAt: number | null;
  /** Bumped by every question: an older answer is dropped. */
  generation: number;
}
const sessions = new WeakMap<object, Session>();
type CardTap = { currentTarget: { dataset: { id: string } } };

Component({
  properties: {
    /** Elder mode: one action a card, larger. */
    elder: { type: Boolean, value: false },
  },
  data: { cards: [] as SimilarCard[], joining: '', joinedText: JOINED_TEXT },
  lifetimes: {
    attached() {
      sessions.set(this, { asked: '', askedAt: null, generation: 0 });
    },
    detached() {
      const s = sessions.get(this);
      if (s?.timer !== undefined) clearTimeout(s.timer);
    },
  },
  methods: {
    /** `immediate`: a restored draft, nothing being typed; otherwise after a pause. */
    consider(query: SimilarCasesInput | null, immediate = false) {
      const s = sessions.get(this);
      if (!s) return;
      if (s.timer !== undefined) clearTimeout(s.timer);
      s.timer = undefined;
      if (!query) {
        s.generation += 1;
        s.asked = '';
        if (this.data.cards.length) this.setData({ cards: [] });
        return;
      }
      const key = JSON.stringify(query);
      if (key === s.asked) return;
      if (immediate) return void this.ask(query, key);
      s.timer = setTimeout(
        () => {
          s.timer = undefined;
          void this.ask(query, key);
        },
        similarDelay(s.askedAt, Date.now()),
      );
    },
    async ask(query: SimilarCasesInput, key: string) {
      const s = sessions.get(this)!;
      const generation = ++s.generation;
      s.asked = key;
      s.askedAt = Date.now();
      const answer = await callApi('case', 'similar', query);
      // A failure only means no suggestions: the resident is writing their own case anyway.
      if (generation !== s.generation || !answer.ok) return;
      this.setData({ cards: toSimilarCards(answer.data.cases, now()) });
    },
    async onJoin(event: CardTap) {
      const id = event.currentTarget.dataset.id;
      if (this.data.joining) return;
      const joined = joinWithNotices(id);
      this.setData({ joining: id });
      const answer = await joined;
      this.setData({ joining: '' });
      if (!answer.ok) return void wx.showToast({ title: answer.error.message, icon: 'none' });
      const index = this.data.cards.findIndex((c) => c.id === id);
      if (index >= 0) this.setData({ [`cards[${index}].joined`]: true, [`cards[${index}].joinText`]: joinCountText(answer.data.joinCount) });
    },
    onView(event: CardTap) {
      wx.navigateTo({ url: publicCaseUrl(event.currentTarget.dataset.id) });
    },
  },
});
