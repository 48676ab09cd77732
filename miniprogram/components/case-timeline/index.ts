/**
 * A case's timeline, newest first: what happened, who did it, when, and what they said.
 * Renders `TimelineEntryView`s shaped by the page's view-model; shared by every case page.
 */
Component({
  properties: {
    /** TimelineEntryView[] (packages/case/detail/view-model.ts). */
    entries: { type: Array, value: [] },
  },
  methods: {
    onPreview(event: WechatMiniprogram.TouchEvent<{}, {}, { urls: string[]; current: string }>) {
      const { urls, current } = event.currentTarget.dataset;
      wx.previewImage({ urls, current });
    },
  },
});
