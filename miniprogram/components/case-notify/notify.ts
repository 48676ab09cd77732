/** Shows a sentence in the page's `<case-notify id="notify" />` bar. */
export type NoticeType = 'danger' | 'warning' | 'success' | 'primary';

interface HasChildren {
  selectComponent(selector: string): unknown;
}

export function notify(page: HasChildren, message: string, type: NoticeType = 'danger'): void {
  const bar = page.selectComponent('#notify') as { show(message: string, type: NoticeType): void } | null;
  bar?.show(message, type);
}
