import type { JoinView, PublicCase } from '../../../../typings/board';
import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { callApi } from '../../../services/api-client';
import { JOINED_TEXT, joinWithNotices } from '../../../services/join';
import type { Outcome } from '../../../services/outcome';
import { loadNoticeTemplates } from '../../../services/subscribe';
import { publicCaseUrl } from '../../../pages/stations/routes';
import { NO_PHOTOS } from '../../../utils/case-page';
import { joinLine } from '../../../utils/public-case';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { NOTE_MAX, NOTE_PHOTOS, noteProblem, shareOf, toPublicCaseView } from './view-model';
import type { PublicCaseView } from './view-model';

/** Not rendered: which case, and the photos of the 补充情况 sheet. */
const sessions = new WeakMap<object, { caseId: string; photos: PhotoSummary }>();

/** The server hides a case not allowed or not accepted behind NOT_FOUND: say which cases can be seen. */
const NOT_PUBLIC = { code: 'NOT_FOUND', message: '该留言未公开或不存在', hint: '只有留言人同意公开、并已受理的留言，其他居民才能看到' } as const;

type Opened = { found: PublicCase; joined: boolean | null };

/** 办理公开 of one case: how it was handled, and 我也遇到 for a resident with the same problem. */
definePage({
  data: {
    loading: true,
    view: null as PublicCaseView | null,
    /** Whether I joined; null when I cannot (not a resident, or not known): no buttons then. */
    joined: null as boolean | null,
    /** My own case: nothing to join; the way to my private page instead. */
    own: false,
    busy: false,
    sheet: false,
    note: '',
    noteError: '',
    noteMax: NOTE_MAX,
    notePhotos: NOTE_PHOTOS,
    joinedText: JOINED_TEXT,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void loadNoticeTemplates(); // the 我也遇到 prompt must open straight from the tap
      sessions.set(this, { caseId: query.id ?? '', photos: NO_PHOTOS });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const caseId = sessions.get(this)!.caseId;
      await this.run(
        async (): Promise<Outcome<Opened>> => {
          // The server says whether it is my own case and whether I joined it; on my own case there is nothing to join.
          const found = await callApi('station', 'publicCase', { caseId });
          if (!found.ok) return found.error.code === 'NOT_FOUND' ? { ok: false, error: NOT_PUBLIC } : found;
          const viewer = found.data.viewer;
          return { ok: true, data: { found: found.data, joined: viewer && !viewer.own ? viewer.joined : null } };
        },
        ({ found, joined }) => ({ view: toPublicCaseView(found, now()), joined, own: found.viewer?.own === true }),
      );
    },
    async onJoin() {
      const view = this.data.view;
      if (!view || this.data.busy) return;
      const answer = joinWithNotices(view.id); // before any await: the prompt needs the tap
      this.setData({ busy: true });
      this.joined(await answer, JOINED_TEXT);
    },
    async onUnjoin() {
      const view = this.data.view;
      if (!view || this.data.busy) return;
      this.setData({ busy: true });
      this.joined(await callApi('case', 'unjoin', { caseId: view.id }), '已取消，不再通知您这件留言的进展');
    },
    /** Join and unjoin answer where things stand: shown as they are (a second tap changes nothing). */
    joined(answer: Outcome<JoinView>, done: string) {
      if (!answer.ok) {
        this.setData({ busy: false });
        return void wx.showToast({ title: answer.error.message, icon: 'none' });
      }
      const count = answer.data.joinCount;
      this.setData({ busy: false, joined: answer.data.joined, 'view.joinCount': count, 'view.joinText': joinLine(count) });
      wx.showToast({ title: done, icon: 'none' });
    },
    onOpenNote() {
      sessions.get(this)!.photos = NO_PHOTOS;
      this.setData({ sheet: true, note: '', noteError: '' });
    },
    onCloseNote() {
      this.setData({ sheet: false });
    },
    onNote(event: { detail: string }) {
      this.setData({ note: event.detail, noteError: '' });
    },
    onNotePhotos(event: { detail: PhotoSummary }) {
      sessions.get(this)!.photos = event.detail;
      this.setData({ noteError: '' });
    },
    /** 补充情况 is a second join carrying the note: only the case's handlers read it. */
    async onSendNote() {
      const s = sessions.get(this)!;
      const view = this.data.view;
      if (!view || this.data.busy) return;
      const ids = s.photos.photos.map((p) => p.fileId);
      const problem = noteProblem(this.data.note, ids.length, photoProblem(s.photos));
      if (problem) return this.setData({ noteError: problem });
      const note = this.data.note.trim();
      this.setData({ busy: true });
      const answer = await callApi('case', 'join', { caseId: view.id, ...(note ? { note } : {}), ...(ids.length ? { photoFileIds: ids } : {}) });
      if (!answer.ok) return this.setData({ busy: false, noteError: answer.error.message });
      this.setData({ busy: false, sheet: false, joined: answer.data.joined });
      wx.showToast({ title: '已补充，办理人员会看到', icon: 'none' });
    },
    onOpenMine() {
      const view = this.data.view;
      if (view) wx.navigateTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(view.id)}` });
    },
    onHome() {
      wx.switchTab({ url: '/pages/stations/index' });
    },
    onShareAppMessage() {
      const view = this.data.view;
      const id = view?.id ?? sessions.get(this)?.caseId ?? '';
      return shareOf({ id, title: view?.title ?? '人大代表联络站' }, publicCaseUrl(id));
    },
  },
});
