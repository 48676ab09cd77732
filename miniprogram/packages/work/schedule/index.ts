import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { shanghaiClock } from '../../../pages/stations/station-format';
import { groupByDay } from './view-model';
import type { DayGroup } from './view-model';

/** 接待安排: the officer's stations' reception days, past week to 60 days ahead. */
definePage({
  data: { loading: true, days: [] as DayGroup[], loaded: false },
  methods: {
    /** Also after coming back from 发布接待日, which adds a day. */
    onShow() {
      return this.data.loaded ? this.refresh() : this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      await this.run(
        () => callApi('reception', 'schedule', {}),
        (schedule) => ({ days: groupByDay(schedule.receptions, this.today()), loaded: true }),
      );
    },
    /** Without the spinner: the list on screen stays if the refresh fails. */
    async refresh() {
      const answer = await callApi('reception', 'schedule', {});
      if (answer.ok) this.setData({ days: groupByDay(answer.data.receptions, this.today()) });
    },
    today(): string {
      return shanghaiClock(now()).date;
    },
    onPublish() {
      wx.navigateTo({ url: '/packages/work/publish/index' });
    },
    /** A 代表论坛 / 约见: its questions, and its 活动回顾 once over. */
    onOpenEvent(event: { currentTarget: { dataset: { id?: string } } }) {
      const id = event.currentTarget.dataset.id;
      if (id) wx.navigateTo({ url: `/packages/work/event/index?id=${encodeURIComponent(id)}` });
    },
    /** 接待登记: each resident met today, answered on the spot or turned into a case. */
    onOpenVisits(event: { currentTarget: { dataset: { id?: string } } }) {
      const id = event.currentTarget.dataset.id;
      if (id) wx.navigateTo({ url: `/packages/work/visits/index?receptionId=${encodeURIComponent(id)}` });
    },
    /** The deputies check in by scanning the code this opens on the officer's phone. */
    onShowCode(event: { currentTarget: { dataset: { id?: string } } }) {
      const id = event.currentTarget.dataset.id;
      if (id) wx.navigateTo({ url: `/packages/work/presence/index?receptionId=${encodeURIComponent(id)}` });
    },
  },
});
