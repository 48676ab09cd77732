import type { SuggestionDetail } from '../../../../typings/suggestion';
import type { ApiResult } from '../../../../typings/errors';
import type { UserRole } from '../../../../typings/models';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { now } from '../../../utils/time';
import { openSuggestionDocument } from '../common/document';
import { openPdf } from '../../../services/pdf-files';
import { RATING_CHOICES, RESULT_CHOICES } from '../common/labels';
import type { Choice } from '../common/labels';
import type { PdfFile } from '../../../services/pdf-files';
import { COSIGN_CHOICES, DECIDE_CHOICES, EMPTY_SHEET, REVIEW_CHOICES, SHEET_TITLES, sheetFieldOf } from './forms';
import type { SheetErrors, SheetForm, SheetKind } from './forms';
import { openSuggestion } from './load';
import { sheetMethods } from './sheet-methods';
import { toDetailView } from './view-model';
import type { DetailView } from './view-model';

/** Not rendered: which suggestion, the last answer (its id for each action), who is looking. */
const sessions = new WeakMap<object, { id?: string; detail?: SuggestionDetail; role?: UserRole }>();
const toast = (title: string) => wx.showToast({ title, icon: 'none' });
/** --color-danger of app.wxss: WeChat's modal takes a colour value, not a CSS variable. */
const DANGER_COLOR = '#c41a16';

/** A 代表建议: everything it says and where it stands, and the steps `can` allows the caller. */
definePage({
  data: {
    loading: true,
    view: null as DetailView | null,
    /** 交办单 for the office and its units; the cases open for the deputy and the office. */
    office: false,
    casesOpen: false,
    popup: '' as SheetKind | '',
    sheetTitles: SHEET_TITLES,
    form: { ...EMPTY_SHEET } as SheetForm,
    errors: {} as SheetErrors,
    formError: '',
    text: null as { label: string; placeholder: string; max: number; required: boolean } | null,
    units: [] as (Choice<string> & { lead: boolean; assist: boolean })[],
    unitsError: '',
    requestKind: '' as '' | 'reroute' | 'extension',
    tomorrow: '',
    pdf: null as PdfFile | null,
    reviewChoices: REVIEW_CHOICES,
    cosignChoices: COSIGN_CHOICES,
    decideChoices: DECIDE_CHOICES,
    resultChoices: RESULT_CHOICES,
    ratingChoices: RATING_CHOICES,
    busy: false,
  },
  methods: {
    ...sheetMethods,
    onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { id: query.id });
      return this.load();
    },
    ...reloadMethods,
    async load() {
      const s = sessions.get(this)!;
      const opened = await this.run(
        () => openSuggestion(s.id),
        ({ detail, role }) => ({ ...this.shown(detail), office: role === 'admin' || role === 'unit', casesOpen: role === 'deputy' || role === 'admin' }),
      );
      if (opened) s.role = opened.role;
    },
    shown(detail: SuggestionDetail) {
      sessions.get(this)!.detail = detail;
      return { view: toDetailView(detail, now()), requestKind: detail.request?.kind ?? '' };
    },
    detail(): SuggestionDetail | undefined {
      return sessions.get(this)?.detail;
    },
    async onAction(event: WechatMiniprogram.CustomEvent<{}, {}, { kind: string }>) {
      const kind = event.currentTarget.dataset.kind;
      const detail = this.detail();
      if (!detail || this.data.busy) return;
      if (kind === 'edit') return wx.navigateTo({ url: `/packages/suggestion/edit/index?id=${detail.id}` });
      if (kind === 'submit')
        return this.confirmThen(
          '提交代表建议',
          '提交后由区人大常委会审查，审查期间不能修改。确定提交吗？',
          '提交',
          () => callApi('suggestion', 'submit', { suggestionId: detail.id }),
          '已提交',
        );
      if (kind === 'withdraw')
        return this.confirmThen(
          '撤回代表建议',
          '撤回后这件建议不再办理，关联的留言也会解除关联。确定撤回吗？',
          '撤回',
          () => callApi('suggestion', 'withdraw', { suggestionId: detail.id }),
          '已撤回',
          DANGER_COLOR,
        );
      return this.openSheet(kind);
    },
    async confirmThen(title: string, content: string, confirmText: string, call: () => Promise<ApiResult<SuggestionDetail>>, done: string, confirmColor?: string) {
      const { confirm } = await wx.showModal({ title, content, confirmText, ...(confirmColor ? { confirmColor } : {}) }).catch(() => ({ confirm: false }));
      if (!confirm) return;
      this.setData({ busy: true });
      const answer = await call();
      this.setData({ busy: false });
      if (answer.ok) {
        this.setData(this.shown(answer.data));
        return toast(done);
      }
      if (answer.error.code === 'CONFLICT') return this.refreshed();
      toast(answer.error.message);
    },
    async settle(answer: ApiResult<SuggestionDetail>, done: string) {
      this.setData({ busy: false });
      if (answer.ok) {
        this.setData({ ...this.shown(answer.data), popup: '' });
        return toast(done);
      }
      if (answer.error.code === 'CONFLICT') return this.refreshed();
      const field = sheetFieldOf(answer.error.field);
      this.setData({ formError: answer.error.message, ...(field ? { [`errors.${field}`]: answer.error.message } : {}) });
    },
    /** Someone acted first (the office, a unit, another phone): show what is true now. */
    async refreshed() {
      this.setData({ popup: '' });
      await this.load();
      toast('建议有了新的变化，已刷新');
    },
    async onDocument(event: WechatMiniprogram.CustomEvent<{}, {}, { kind: 'suggestion' | 'assignment' }>) {
      const detail = this.detail();
      if (!detail || this.data.busy) return;
      this.setData({ busy: true });
      wx.showLoading({ title: '正在生成', mask: true });
      const opened = await openSuggestionDocument({ suggestionId: detail.id, kind: event.currentTarget.dataset.kind });
      wx.hideLoading();
      this.setData({ busy: false });
      if (!opened.ok) toast(opened.error.message);
    },
    async onOpenPdf(event: WechatMiniprogram.CustomEvent<{}, {}, { url: string }>) {
      const opened = await openPdf(event.currentTarget.dataset.url, 'PDF');
      if (!opened.ok) toast(opened.error.message);
    },
    onPreviewPhoto(event: WechatMiniprogram.TouchEvent<{}, {}, { url: string }>) {
      wx.previewImage({ urls: this.data.view?.photos ?? [], current: event.currentTarget.dataset.url });
    },
    onOpenCase(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      if (this.data.casesOpen) wx.navigateTo({ url: `/packages/work/case/index?id=${event.currentTarget.dataset.id}` });
    },
  },
});
