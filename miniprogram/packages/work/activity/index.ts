import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { newRequestId } from '../../../services/request-id';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { shanghaiClock } from '../../../pages/stations/station-format';
import { formInputMethods, submitChecked } from '../../../utils/checked-form';
import type { DeputyOption } from '../common/deputy-options';
import { officerDeputies } from '../common/officer-deputies';
import { ACTIVITY_LIMITS, activityErrors, activityFieldOf, earliestDay, KIND_OPTIONS, revisionOf, toRecordInput, toReviseInput } from './view-model';
import type { ActivityErrors, ActivityForm } from './view-model';

/** Not rendered: the idempotency key (the same for every retry of this record), the photos uploaded, the activity being corrected. */
const sessions = new WeakMap<object, { requestId: string; photos: PhotoSummary; revise?: string }>();

/** The deputies of the officer's stations. */
async function open(): Promise<Outcome<DeputyOption[]>> {
  const profile = await callApi('user', 'profile', {});
  if (!profile.ok) return profile;
  if (profile.data.role !== 'officer') return { ok: false, error: { code: 'FORBIDDEN', message: '只有联络员可以登记履职活动' } };
  return officerDeputies(profile.data.stations ?? []);
}

/** 登记履职活动: an officer records a deputy's duty done outside the app; the deputy confirms it. */
definePage({
  data: {
    loading: true as boolean,
    deputies: [] as DeputyOption[],
    deputyIndex: -1,
    kinds: KIND_OPTIONS,
    kindIndex: -1,
    today: '',
    earliest: '',
    form: { deputyId: '', kind: '', date: '', place: '', note: '' } as ActivityForm,
    limits: ACTIVITY_LIMITS,
    errors: {} as ActivityErrors,
    submitting: false,
    /** Correcting a disputed activity: the deputy is fixed, the photos stay as they were. */
    revising: false,
  },
  methods: {
    ...formInputMethods(sessions),
    onLoad(query: Record<string, string | undefined> = {}) {
      const revision = revisionOf(query);
      sessions.set(this, { requestId: '', photos: { photos: [], uploading: 0, failed: 0 }, revise: revision?.activityId });
      if (!revision) return this.load();
      const today = shanghaiClock(now()).date;
      wx.setNavigationBarTitle({ title: '更正履职活动' });
      this.setData({
        loading: false,
        revising: true,
        deputies: [revision.deputy],
        deputyIndex: 0,
        kindIndex: revision.kindIndex,
        form: revision.form,
        today,
        earliest: earliestDay(today),
      });
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const today = shanghaiClock(now()).date;
      const [deputies, requestId] = await Promise.all([this.run(open), newRequestId()]);
      sessions.get(this)!.requestId = requestId;
      if (!deputies) return;
      this.setData({
        deputies,
        today,
        earliest: earliestDay(today),
        'form.date': today,
        ...(deputies.length === 1 ? { deputyIndex: 0, 'form.deputyId': deputies[0].id } : {}),
      });
    },
    onDeputy(event: { detail: { value: string | number } }) {
      const index = Number(event.detail.value);
      this.setData({ deputyIndex: index, 'form.deputyId': this.data.deputies[index]?.id ?? '', 'errors.deputy': '' });
    },
    onKind(event: { detail: { value: string | number } }) {
      const index = Number(event.detail.value);
      this.setData({ kindIndex: index, 'form.kind': this.data.kinds[index]?.kind ?? '', 'errors.kind': '' });
    },
    onDate(event: { detail: { value: string } }) {
      this.setData({ 'form.date': event.detail.value, 'errors.date': '' });
    },
    async onSubmit() {
      const s = sessions.get(this);
      if (!s || (!s.requestId && !s.revise)) return;
      // The same requestId on every retry: a record that landed but whose answer was lost is not made twice.
      const sent = await submitChecked(
        this,
        activityErrors(this.data.form, s.photos, this.data.today),
        () =>
          s.revise
            ? callApi('user', 'reviseActivity', toReviseInput(s.revise, this.data.form))
            : callApi('user', 'recordActivity', toRecordInput(this.data.form, s.requestId, s.photos.photos)),
        activityFieldOf,
      );
      if (!sent) return;
      wx.showToast({ title: s.revise ? '已重新发送' : '已登记', icon: 'success' });
      wx.redirectTo({ url: '/packages/work/activities/index' });
    },
  },
});
