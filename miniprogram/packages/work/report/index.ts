import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { newRequestId } from '../../../services/request-id';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { reportPageUrl } from '../../../utils/report-view';
import { shanghaiClock } from '../../../pages/stations/station-format';
import { formInputMethods, submitChecked } from '../../../utils/checked-form';
import { officerDeputies } from '../common/officer-deputies';
import { defaultTitle, fieldOf, formErrors, PERIOD_PRESETS, presetPeriod, REPORT_LIMITS, toPublishInput } from './view-model';
import type { DeputyOption, FieldErrors, PeriodPreset, ReportForm } from './view-model';

type Tap<D> = { currentTarget: { dataset: D } };

/** Not rendered: the idempotency key (the same for every retry of this report) and the photos uploaded. */
const sessions = new WeakMap<object, { requestId: string; photos: PhotoSummary }>();

/** A deputy reports on themselves; an officer on any deputy of their stations. */
async function open(): Promise<Outcome<{ deputies: DeputyOption[]; chooses: boolean }>> {
  const profile = await callApi('user', 'profile', {});
  if (!profile.ok) return profile;
  const p = profile.data;
  if (p.role === 'deputy' && p.deputyId) return { ok: true, data: { deputies: [{ id: p.deputyId, name: p.name ?? '' }], chooses: false } };
  if (p.role !== 'officer') return { ok: false, error: { code: 'FORBIDDEN', message: '只有代表本人或联络员可以发布述职报告' } };
  const deputies = await officerDeputies(p.stations ?? []);
  return deputies.ok ? { ok: true, data: { deputies: deputies.data, chooses: true } } : deputies;
}

/** 发布述职报告: whose, the period, the text and photos; the duty figures are the server's. */
definePage({
  data: {
    loading: true,
    deputies: [] as DeputyOption[],
    /** Officers pick the deputy; a deputy's own name is shown instead. */
    chooses: false,
    deputyIndex: -1,
    presets: PERIOD_PRESETS,
    preset: 'lastYear' as PeriodPreset | 'custom',
    today: '',
    form: { deputyId: '', from: '', to: '', title: '', content: '' } as ReportForm,
    titlePlaceholder: '',
    limits: REPORT_LIMITS,
    errors: {} as FieldErrors,
    submitting: false,
  },
  methods: {
    ...formInputMethods(sessions),
    onLoad() {
      sessions.set(this, { requestId: '', photos: { photos: [], uploading: 0, failed: 0 } });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const today = shanghaiClock(now()).date;
      const [opened, requestId] = await Promise.all([this.run(open), newRequestId()]);
      sessions.get(this)!.requestId = requestId;
      if (!opened) return;
      const only = opened.chooses ? -1 : 0;
      this.setData({ deputies: opened.deputies, chooses: opened.chooses, today, ...this.periodData('lastYear', today) });
      this.pickDeputy(only);
    },
    periodData(preset: PeriodPreset, today: string) {
      const period = presetPeriod(preset, today);
      return { preset, 'form.from': period.from, 'form.to': period.to, 'errors.period': '' };
    },
    pickDeputy(index: number) {
      const deputy = this.data.deputies[index];
      const period = { from: this.data.form.from, to: this.data.form.to };
      this.setData({ deputyIndex: index, 'form.deputyId': deputy?.id ?? '', 'errors.deputy': '', titlePlaceholder: defaultTitle(deputy?.name ?? '', period) });
    },
    onDeputy(event: { detail: { value: string | number } }) {
      this.pickDeputy(Number(event.detail.value));
    },
    onPreset(event: Tap<{ preset: PeriodPreset }>) {
      this.setData(this.periodData(event.currentTarget.dataset.preset, this.data.today));
      this.pickDeputy(this.data.deputyIndex);
    },
    onDate(event: { detail: { value: string } } & Tap<{ which: 'from' | 'to' }>) {
      this.setData({ preset: 'custom', [`form.${event.currentTarget.dataset.which}`]: event.detail.value, 'errors.period': '' });
      this.pickDeputy(this.data.deputyIndex);
    },
    async onSubmit() {
      const s = sessions.get(this);
      if (!s?.requestId) return;
      // The same requestId on every retry: a publish that landed but whose answer was lost is not made twice.
      const published = await submitChecked(
        this,
        formErrors(this.data.form, s.photos, this.data.today),
        () => callApi('report', 'publish', toPublishInput(this.data.form, s.requestId, s.photos.photos)),
        fieldOf,
      );
      if (!published) return;
      wx.showToast({ title: '已发布', icon: 'success' });
      // Redirect: going back from the report should not land on a spent form.
      wx.redirectTo({ url: reportPageUrl(published.id) });
    },
  },
});
