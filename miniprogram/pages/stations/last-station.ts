/**
 * The station the resident opened last from the home (list, map or elder list), kept on the
 * phone: the elder home's 给代表留言 writes to it, and 我的's 使用说明 offers its phone.
 * Only what the resident chose is kept — an id and a name, nothing about them.
 */
export interface KnownStation {
  id: string;
  name: string;
}

const STORAGE_KEY = 'lastStation';

export function rememberStation(station: KnownStation): void {
  try {
    wx.setStorageSync(STORAGE_KEY, { id: station.id, name: station.name });
  } catch {
    // Full or unavailable storage only costs the shortcut.
  }
}

export function lastStation(): KnownStation | null {
  try {
    const saved = wx.getStorageSync(STORAGE_KEY) as Partial<KnownStation> | '';
    return saved && typeof saved.id === 'string' && saved.id && typeof saved.name === 'string' ? { id: saved.id, name: saved.name } : null;
  } catch {
    return null;
  }
}
