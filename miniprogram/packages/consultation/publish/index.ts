import { callApi } from '../../../services/api-client';
import { newRequestId } from '../../../services/request-id';
import type { PdfFile } from '../../../services/pdf-files';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { now } from '../../../utils/time';
import { consultationUrl } from '../common/labels';
import { attachmentMethods, attachmentsOf } from './attachments';
import { openPublish } from './load';
import { articleHint, beijingDateAfter, EMPTY_FORM, fieldOf, firstProblem, PUBLISH_LIMITS, publishInput, publishProblems } from './view-model';
import type { PublishErrors, PublishForm, StationChoice } from './view-model';

/** Not rendered: the request id, kept across retries so a lost answer never publishes twice. */
const requestIds = new WeakMap<object, string>();

type FieldEvent = { detail: string; currentTarget: { dataset: { field: keyof PublishForm } } };

/** 发布征集: the district office publishes a draft law for comment at its stations. */
definePage({
  data: {
    loading: true,
    form: { ...EMPTY_FORM } as PublishForm,
    errors: {} as PublishErrors,
    formError: '',
    hint: '',
    limits: PUBLISH_LIMITS,
    earliest: beijingDateAfter(now(), PUBLISH_LIMITS.daysAhead),
    stations: [] as StationChoice[],
    chosenCount: 0,
    photoMax: PUBLISH_LIMITS.attachments as number,
    pdfs: [] as PdfFile[],
    busy: false,
  },
  methods: {
    ...attachmentMethods,
    ...reloadMethods,
    onLoad() {
      return this.load();
    },
    async load() {
      await this.run(openPublish, ({ stations }) => ({ stations, earliest: beijingDateAfter(now(), PUBLISH_LIMITS.daysAhead) }));
    },
    onField(event: FieldEvent) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '', formError: '', ...(field === 'text' ? { hint: articleHint(event.detail) } : {}) });
    },
    onDate(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.closesOn': String(event.detail.value), 'errors.closesOn': '', formError: '' });
    },
    onAllStations(event: { currentTarget: { dataset: { all: boolean } } }) {
      this.setData({ 'form.allStations': Boolean(event.currentTarget.dataset.all), 'errors.stationIds': '', formError: '' });
    },
    onStation(event: { currentTarget: { dataset: { index: number } } }) {
      const index = Number(event.currentTarget.dataset.index);
      const chosen = !this.data.stations[index].chosen;
      this.setData({ [`stations[${index}].chosen`]: chosen, chosenCount: this.data.chosenCount + (chosen ? 1 : -1), 'errors.stationIds': '' });
    },
    async onSubmit() {
      const { form, pdfs, busy, stations, earliest } = this.data;
      if (busy) return;
      const files = attachmentsOf(this, pdfs);
      const stationIds = stations.filter((s) => s.chosen).map((s) => s.id);
      const errors = publishProblems(form, { earliest, stationIds, uploadProblem: files.problem, attachments: files.count });
      if (firstProblem(errors)) return this.setData({ errors, formError: firstProblem(errors) });
      this.setData({ busy: true, errors: {}, formError: '' });
      const requestId = requestIds.get(this) ?? (await newRequestId());
      requestIds.set(this, requestId);
      const answer = await callApi('consultation', 'publish', publishInput(form, { requestId, attachmentFileIds: files.fileIds, stationIds }));
      if (!answer.ok) {
        const at = fieldOf(answer.error.field);
        return this.setData({ busy: false, formError: answer.error.message, ...(at ? { [`errors.${at}`]: answer.error.message } : {}) });
      }
      this.setData({ busy: false });
      wx.showToast({ title: '已发布', icon: 'success' });
      wx.redirectTo({ url: consultationUrl(answer.data.id) });
    },
  },
});
