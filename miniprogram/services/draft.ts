/**
 * Drafts kept on the phone, one per kind and key (a case draft per station), so leaving a
 * form (or WeChat discarding the mini-program in the background) loses nothing. What a
 * draft holds, and whether something found in storage is one, is the form's business: the
 * caller passes its guard (e.g. `isCaseDraft` in packages/case/compose/view-model.ts).
 */
interface Stored {
  /** Bumped when the way drafts are kept changes, so an old one is dropped rather than misread. */
  version: number;
  savedAt: number;
  draft: unknown;
}

const VERSION = 1;
const keyOf = (kind: string, key: string) => `${kind}-draft:${key}`;

export function loadDraft<T>(kind: string, key: string, isDraft: (value: unknown) => value is T): T | undefined {
  let stored: unknown;
  try {
    stored = wx.getStorageSync(keyOf(kind, key));
  } catch {
    return undefined;
  }
  // Storage outlives app versions: trust nothing found there.
  if (typeof stored !== 'object' || stored === null || (stored as Stored).version !== VERSION) return undefined;
  const { draft } = stored as Stored;
  return isDraft(draft) ? draft : undefined;
}

export function saveDraft(kind: string, key: string, draft: unknown): void {
  const stored: Stored = { version: VERSION, savedAt: Date.now(), draft };
  try {
    wx.setStorageSync(keyOf(kind, key), stored);
  } catch (err) {
    // Storage full or unavailable: the form is still on screen, only the safety net is gone.
    console.warn('[draft] not saved', err);
  }
}

export function clearDraft(kind: string, key: string): void {
  try {
    wx.removeStorageSync(keyOf(kind, key));
  } catch {
    // Nothing to clear is as good as cleared.
  }
}
