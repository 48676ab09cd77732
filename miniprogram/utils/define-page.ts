/**
 * The one wrapper every page goes through. Pages are `Component()`s (so miniprogram-simulate
 * can render them) with page lifecycles in `methods`, and all share the same state:
 * `loading` drives the spinner, `error` the error state with its retry button, and
 * `pageStyle`/`elder` the type scale every page's `page-meta` applies (read again on every
 * show, so a switch on 我的 reaches the pages already open).
 */
import { currentTypography } from '../services/elder-mode';
import type { Failure, Outcome } from '../services/outcome';

export interface PageState {
  loading: boolean;
  error: Failure | null;
  /** `page-meta`'s page-style: WeChat's font setting and elder mode (services/elder-mode.ts). */
  pageStyle: string;
  /** Elder mode (长辈模式): pages with a simpler layout for it switch on this. */
  elder: boolean;
}

type DataOption = WechatMiniprogram.Component.DataOption;
type MethodOption = WechatMiniprogram.Component.MethodOption;

export interface PageHelpers<TData extends DataOption> {
  /**
   * Runs one loading step: spinner on and error cleared; then, in one `setData`, either
   * `show(data)` or the error. Resolves the data, or undefined when the step failed.
   */
  run<T>(step: () => Promise<Outcome<T>>, show?: (data: T) => Partial<TData>): Promise<T | undefined>;
}

/** `this` inside a page's methods: its data plus PageState, its methods plus the helpers. */
export type PageInstance<TData extends DataOption, TMethod extends MethodOption> = WechatMiniprogram.Component.Instance<
  TData & PageState,
  {},
  TMethod & PageHelpers<TData>,
  [],
  {},
  true
>;

export interface PageOptions<TData extends DataOption, TMethod extends MethodOption> {
  /** Only what the page renders. `loading`, `error`, `pageStyle` and `elder` are added; a page that loads on open starts with `loading: true`. */
  data: TData & Partial<PageState>;
  /** Event handlers and page lifecycles (`onLoad`, `onShow`, …). */
  methods: TMethod & Partial<WechatMiniprogram.Page.ILifetime>;
}

const helpers: PageHelpers<DataOption> & ThisType<WechatMiniprogram.Component.TrivialInstance> = {
  async run(step, show) {
    this.setData({ loading: true, error: null });
    const outcome = await step();
    if (!outcome.ok) {
      this.setData({ loading: false, error: outcome.error });
      return undefined;
    }
    this.setData({ ...show?.(outcome.data), loading: false });
    return outcome.data;
  },
};

export function definePage<TData extends DataOption, TMethod extends MethodOption>(options: PageOptions<TData, TMethod> & ThisType<PageInstance<TData, TMethod>>): void {
  const initial: PageState = { loading: false, error: null, pageStyle: '', elder: false };
  function applyTypography(this: WechatMiniprogram.Component.TrivialInstance): void {
    const { pageStyle, elder } = currentTypography();
    const shown = this.data as Partial<PageState>;
    if (shown.pageStyle !== pageStyle || shown.elder !== elder) this.setData({ pageStyle, elder });
  }
  Component({
    data: { ...initial, ...options.data },
    methods: { ...helpers, ...options.methods },
    lifetimes: { attached: applyTypography },
    pageLifetimes: { show: applyTypography },
  });
}
