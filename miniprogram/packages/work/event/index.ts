import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { PHOTOS_MAX, SUMMARY_MAX, summaryProblem, toOfficerEventView, toSummariseInput } from './view-model';
import type { OfficerEventView } from './view-model';

/** Not rendered: which event and the photos uploaded for its 活动回顾. */
const sessions = new WeakMap<object, { id: string; photos: PhotoSummary }>();

/** The event, its questions and who reads them, side by side: one page, three reads at once. */
async function open(id: string): Promise<Outcome<OfficerEventView>> {
  const [event, read, profile] = await Promise.all([
    callApi('reception', 'event', { receptionId: id }),
    callApi('reception', 'questions', { receptionId: id }),
    callApi('user', 'profile', {}),
  ]);
  if (!event.ok) return event;
  if (!read.ok) return read;
  if (!profile.ok) return profile;
  return { ok: true, data: toOfficerEventView(event.data, read.data, now(), profile.data.role === 'officer' ? 'officer' : 'deputy') };
}

/**
 * 提问与活动回顾: the officer reads the questions sent in advance and, after the event, posts its
 * 活动回顾; one of the event's deputies (from the event's own page) reads the questions only.
 */
definePage({
  data: {
    loading: true,
    event: null as OfficerEventView | null,
    summary: '',
    summaryMax: SUMMARY_MAX,
    photosMax: PHOTOS_MAX,
    formError: '',
    submitting: false,
  },
  methods: {
    onLoad(options: Record<string, string | undefined>) {
      sessions.set(this, { id: options.id ?? '', photos: { photos: [], uploading: 0, failed: 0 } });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const id = sessions.get(this)!.id;
      const shown = await this.run(
        () => open(id),
        (event) => ({ event, summary: event.summaryText }),
      );
      if (shown && !shown.canSummarise) wx.setNavigationBarTitle({ title: shown.heading });
    },
    onSummary(event: { detail: string }) {
      this.setData({ summary: event.detail, formError: '' });
    },
    onPhotos(event: { detail: PhotoSummary }) {
      const s = sessions.get(this);
      if (s) s.photos = event.detail;
      this.setData({ formError: '' });
    },
    async onSubmit() {
      const s = sessions.get(this);
      if (!s || !this.data.event?.canSummarise || this.data.submitting) return;
      const problem = summaryProblem(this.data.summary, s.photos);
      if (problem) return this.setData({ formError: problem });
      this.setData({ submitting: true, formError: '' });
      const answer = await callApi('reception', 'summarise', toSummariseInput(s.id, this.data.summary, s.photos.photos));
      if (!answer.ok) return this.setData({ submitting: false, formError: answer.error.message });
      this.setData({ submitting: false, 'event.stage': 'posted', 'event.summaryText': answer.data.summary?.text ?? '' });
      wx.showToast({ title: '已发布', icon: 'success' });
    },
  },
});
