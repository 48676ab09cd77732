/** app.json's tabBar for page-html: its colours, and its icons read into data: URLs. */
import fs from 'node:fs';
import path from 'node:path';
import type { TabBar } from './page-html';

export interface AppTabBar {
  color?: string;
  selectedColor?: string;
  list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
}

const dataUrl = (root: string, file: string | undefined): string | undefined =>
  file ? `data:image/png;base64,${fs.readFileSync(path.join(root, file)).toString('base64')}` : undefined;

/** The tab bar as drawn on `page`, or undefined when the page is not a tab. */
export function tabBarOf(bar: AppTabBar | undefined, page: string, miniprogramRoot: string): TabBar | undefined {
  const current = bar?.list.findIndex((t) => t.pagePath === page) ?? -1;
  if (!bar || current < 0) return undefined;
  return {
    color: bar.color ?? '#5c5f66',
    selectedColor: bar.selectedColor ?? '#c41a16',
    current,
    items: bar.list.map((t) => ({ text: t.text, icon: dataUrl(miniprogramRoot, t.iconPath), selectedIcon: dataUrl(miniprogramRoot, t.selectedIconPath) })),
  };
}
