import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { shanghaiClock } from '../../../pages/stations/station-format';
import { reportPageUrl } from '../../../utils/report-view';
import { toDutyView, yearChoices } from './view-model';
import type { DutyView, YearChoice } from './view-model';

type TapEvent<D> = { currentTarget: { dataset: D } };

/** 履职档案: what the deputy did this year (or last) against the yearly quotas. */
definePage({
  data: { loading: true, years: [] as YearChoice[], record: null as DutyView | null },
  methods: {
    onLoad() {
      return this.load(this.thisYear());
    },
    onRetry() {
      return this.load(this.data.years.find((y) => y.active)?.year ?? this.thisYear());
    },
    thisYear(): number {
      return Number(shanghaiClock(now()).date.slice(0, 4));
    },
    async load(year: number) {
      this.setData({ years: yearChoices(this.thisYear(), year) });
      await this.run(
        () => callApi('user', 'duty', { year }),
        (record) => ({ record: toDutyView(record, now()) }),
      );
    },
    onPickYear(event: TapEvent<{ year: number }>) {
      const year = Number(event.currentTarget.dataset.year);
      if (!this.data.loading && !this.data.years.find((y) => y.year === year)?.active) return this.load(year);
    },
    onOpenActivities() {
      wx.navigateTo({ url: '/packages/work/activities/index' });
    },
    /** A recent entry opens what it is about: its case, or its 述职报告. */
    onOpenCase(event: TapEvent<{ id: string; reportId?: string }>) {
      const { id, reportId } = event.currentTarget.dataset;
      if (reportId) wx.navigateTo({ url: reportPageUrl(reportId) });
      else if (id) wx.navigateTo({ url: `/packages/work/case/index?id=${encodeURIComponent(id)}` });
    },
  },
});
