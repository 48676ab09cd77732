import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { SUGGESTION_LIMITS } from '../../../generated/rules';
import { callApi } from '../../../services/api-client';
import { newRequestId } from '../../../services/request-id';
import { definePage } from '../../../utils/define-page';
import { choosePdfs, pdfProblem, pendingPdf, uploadPdf } from '../../../services/pdf-files';
import type { PdfFile } from '../../../services/pdf-files';
import { openEditor } from './load';
import { editProblems, EMPTY_FORM, fieldOf, firstProblem, saveInput, submitBlocked } from './view-model';
import type { Cosigner, EditErrors, EditForm, LinkedCase, PickRow } from './view-model';
import { pickerMethods } from './pickers';

/** Not rendered: the draft once saved, the request id of a new one, the photos as the picker reports them. */
const sessions = new WeakMap<object, { query: Record<string, string | undefined>; suggestionId?: string; requestId?: string; photos: PhotoSummary }>();
const toast = (title: string) => wx.showToast({ title, icon: 'none' });
const detailUrl = (id: string) => `/packages/suggestion/detail/index?id=${id}`;

/** 写代表建议: title, 问题, 建议, photos and PDFs, co-signers and the cases it grows from; 保存草稿 or 提交. */
definePage({
  data: {
    loading: true,
    form: { ...EMPTY_FORM } as EditForm,
    errors: {} as EditErrors,
    formError: '',
    limits: SUGGESTION_LIMITS,
    photos: [] as { fileId: string; url: string }[],
    /** Fewer as PDFs take places (limitPhotos), so a number, not the limit's literal 9. */
    photoMax: SUGGESTION_LIMITS.attachments as number,
    pdfs: [] as PdfFile[],
    cosigners: [] as Cosigner[],
    cases: [] as LinkedCase[],
    popup: '' as '' | 'cosigners' | 'cases',
    rows: [] as PickRow[],
    query: '',
    rowsState: 'idle' as 'idle' | 'loading' | 'loaded' | 'error',
    rowsError: '',
    rowsMore: false,
    busy: false,
  },
  methods: {
    ...pickerMethods,
    async onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { query, suggestionId: query.id, photos: { photos: [], uploading: 0, failed: 0 } });
      if (query.id) wx.setNavigationBarTitle({ title: '修改代表建议' });
      await this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const opened = await this.run(
        () => openEditor(sessions.get(this)!.query),
        (o) => ({ form: o.form, photos: o.photos, pdfs: o.pdfs, cosigners: o.cosigners, cases: o.cases }),
      );
      if (opened) {
        sessions.get(this)!.photos = { photos: opened.photos, uploading: 0, failed: 0 };
        this.limitPhotos();
      }
    },
    onField(event: { detail: string; currentTarget: { dataset: { field: keyof EditForm } } }) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '', formError: '' });
    },
    onPhotos(event: { detail: PhotoSummary }) {
      sessions.get(this)!.photos = event.detail;
      this.setData({ 'errors.attachments': '', formError: '' });
    },
    /** Photos and PDFs share the nine places. */
    limitPhotos() {
      this.setData({ photoMax: Math.max(0, SUGGESTION_LIMITS.attachments - this.data.pdfs.length) });
    },
    async onAddPdf() {
      const room = SUGGESTION_LIMITS.attachments - this.data.pdfs.length - sessions.get(this)!.photos.photos.length;
      if (room <= 0) return toast(`附件最多 ${SUGGESTION_LIMITS.attachments} 个`);
      const picked = await choosePdfs(room);
      if (!picked.length) return;
      const added = picked.map((p) => pendingPdf(p.name));
      this.setData({ pdfs: [...this.data.pdfs, ...added], 'errors.attachments': '' });
      this.limitPhotos();
      await Promise.all(
        added.map(async (file, i) => {
          const done = await uploadPdf(file, picked[i].path);
          const index = this.data.pdfs.findIndex((f) => f.key === file.key);
          if (index >= 0) this.setData({ [`pdfs[${index}]`]: done });
        }),
      );
    },
    onRemovePdf(event: WechatMiniprogram.CustomEvent<{}, {}, { key: string }>) {
      this.setData({ pdfs: this.data.pdfs.filter((f) => f.key !== event.currentTarget.dataset.key) });
      this.limitPhotos();
    },
    onRemoveCase(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      this.setData({ cases: this.data.cases.filter((c) => c.id !== event.currentTarget.dataset.id) });
    },
    onRemoveCosigner(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      this.setData({ cosigners: this.data.cosigners.filter((c) => c.id !== event.currentTarget.dataset.id) });
    },
    /** 保存草稿 (data-submit absent) or 提交: saved first either way, so nothing typed is lost. */
    async onSave(event: WechatMiniprogram.CustomEvent<{}, {}, { submit?: boolean }>) {
      const submit = Boolean(event.currentTarget.dataset.submit);
      const s = sessions.get(this)!;
      const { form, pdfs, busy } = this.data;
      if (busy) return;
      const attachments = s.photos.photos.length + pdfs.length;
      const errors = editProblems(form, { photoProblem: photoProblem(s.photos), pdfProblem: pdfProblem(pdfs), attachments });
      if (firstProblem(errors)) return this.setData({ errors, formError: firstProblem(errors) });
      this.setData({ busy: true, errors: {}, formError: '' });
      if (!s.suggestionId && !s.requestId) s.requestId = await newRequestId();
      const ids = [...s.photos.photos.map((p) => p.fileId), ...pdfs.flatMap((f) => (f.fileId ? [f.fileId] : []))];
      const state = {
        suggestionId: s.suggestionId,
        requestId: s.requestId,
        attachmentFileIds: ids,
        cosignerIds: this.data.cosigners.map((c) => c.id),
        caseIds: this.data.cases.map((c) => c.id),
      };
      const saved = await callApi('suggestion', 'save', saveInput(form, state));
      if (!saved.ok) return this.failed(saved.error.message, saved.error.field);
      s.suggestionId = saved.data.id;
      if (!submit) {
        this.setData({ busy: false });
        toast('草稿已保存');
        return wx.redirectTo({ url: detailUrl(saved.data.id) });
      }
      const blocked = submitBlocked(saved.data);
      if (blocked) {
        this.setData({ busy: false });
        toast(blocked);
        return wx.redirectTo({ url: detailUrl(saved.data.id) });
      }
      const sent = await callApi('suggestion', 'submit', { suggestionId: saved.data.id });
      if (!sent.ok) return this.failed(`草稿已保存，但没有提交：${sent.error.message}`);
      this.setData({ busy: false });
      toast('已提交，等待区人大常委会审查');
      wx.redirectTo({ url: detailUrl(saved.data.id) });
    },
    failed(message: string, field?: string) {
      const at = fieldOf(field);
      this.setData({ busy: false, formError: message, ...(at ? { [`errors.${at}`]: message } : {}) });
    },
  },
});
