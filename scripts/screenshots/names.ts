/** How the PNGs are named: `<page path with dashes>[-empty|-error|-elder]`. */
export type ShotState = 'loaded' | 'empty' | 'error' | 'elder';

export interface ShotEntry {
  name: string;
  page: string;
  state: ShotState;
  title: string;
}

export const shotName = (page: string, state: ShotState): string => `${page.replace(/\//g, '-')}${state === 'loaded' ? '' : `-${state}`}`;

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
];
