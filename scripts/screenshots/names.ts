/** How the PNGs are named: `<page path with dashes>[-<variant>][-empty|-error|-elder]`. */
export type ShotState = 'loaded' | 'empty' | 'error' | 'elder';

export interface ShotEntry {
  name: string;
  page: string;
  state: ShotState;
  /** One of the page's VARIANTS (test/miniprogram/support/page-scenarios.ts); absent for its own states. */
  variant?: string;
  title: string;
}

export const shotName = (page: string, state: ShotState, variant?: string): string =>
  `${page.replace(/\//g, '-')}${variant ? `-${variant}` : ''}${state === 'loaded' ? '' : `-${state}`}`;

/** The pages a resident uses: each also gets an `elder` state, loaded with 长辈模式 on. */
export const RESIDENT_PAGES = [
  'pages/stations/index',
  'pages/cases/index',
  'pages/me/index',
  'packages/station/detail/index',
  'packages/station/booking/index',
  'packages/station/help/index',
  'packages/case/compose/index',
  'packages/case/detail/index',
  'packages/station/report/index',
  'packages/station/case/index',
  'packages/station/board/index',
  'packages/case/claim/index',
  'packages/consultation/detail/index',
  'packages/consultation/comment/index',
  'packages/consultation/mine/index',
  'packages/consultation/claim/index',
];
