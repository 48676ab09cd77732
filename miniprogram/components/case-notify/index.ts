/**
 * Vant's notify bar, shown from a page through `notify()` (./notify.ts). Vant's own Notify()
 * sits at `@vant/weapp/notify/notify`, which neither our tsconfig nor jest resolve; showing
 * the bar is all it does, so this wrapper binds the props and calls `show()` itself.
 */
Component({
  data: { message: '', type: 'danger' },
  methods: {
    show(message: string, type = 'danger') {
      this.setData({ message, type });
      const bar = this.selectComponent('#van-notify') as unknown as { show(): void } | null;
      bar?.show();
    },
  },
});
