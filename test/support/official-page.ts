/**
 * What the official documents' tests (代表函, 代表建议, 交办单) expect of every page, written out from
 * GB/T 9704 and the house style, not taken from the writer (backend/documents/official-layout.ts):
 * the 28 mm left margin and 156 mm measure, the red masthead, the page numbers.
 */

/** Millimetres in points. */
export const mm = (millimetres: number) => (millimetres * 72) / 25.4;
export const LEFT = mm(28);
export const RIGHT = mm(28 + 156);
export const RED = '#cc0000';
export const PAGE_NUMBER = /^第 (\d+) 页 共 (\d+) 页$/;

/** What a reader copies, rejoined across line breaks (Chinese text has no spaces to keep). */
export const compact = (text: string) => text.replace(/\s/g, '');
