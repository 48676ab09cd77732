/** How the PNGs are named: `<page path with dashes>[-empty|-error]`. */
export type ShotState = 'loaded' | 'empty' | 'error';

export interface ShotEntry {
  name: string;
  page: string;
  state: ShotState;
  title: string;
}

export const shotName = (page: string, state: ShotState): string => `${page.replace(/\//g, '-')}${state === 'loaded' ? '' : `-${state}`}`;
