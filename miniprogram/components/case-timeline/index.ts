/**
 * A case's timeline, newest first: what happened, who did it, when, and what they said.
 * Renders the `TimelineEntryView`s of ./entries.ts; shared by every case page.
 */
Component({
  properties: {
    /** TimelineEntryView[] (./entries.ts). */
    entries: { type: Array, value: [] },
  },
  methods: {
    onPreview(event: WechatMiniprogram.TouchEvent<{}, {}, { urls: string[]; current: string }>) {
      const { urls, current } = event.currentTarget.dataset;
      wx.previewImage({ urls, current });
    },
  },
});
