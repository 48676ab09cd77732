import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The durable part of the WeChat emulator, in `<dataDir>/wx.sqlite` so a restart keeps it:
 * subscription grants (one-time authorisations per user and template) and the record of
 * subscription messages WeChat accepted.
 */
export interface Grant {
  openid: string;
  templateId: string;
  remaining: number;
}

export interface SentMessage {
  id: number;
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogram_state: string | null;
  lang: string | null;
  at: string;
}

export type NewSentMessage = Omit<SentMessage, 'id'>;

export interface WxStore {
  addGrants(openid: string, templateId: string, count: number): Grant;
  grants(filter: { openid?: string; templateId?: string }): Grant[];
  clearGrants(filter: { openid?: string }): number;
  /** Uses one grant and records the message, atomically; false when no grant is left. */
  consumeGrantAndRecord(message: NewSentMessage): boolean;
  sent(filter: { openid?: string; templateId?: string }): SentMessage[];
  clearSent(): number;
  close(): void;
}

export function openWxStore(dataDir: string): WxStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'wx.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS grants (
      openid TEXT NOT NULL,
      template_id TEXT NOT NULL,
      remaining INTEGER NOT NULL CHECK (remaining >= 0),
      PRIMARY KEY (openid, template_id)
    );
    CREATE TABLE IF NOT EXISTS sent (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      touser TEXT NOT NULL,
      template_id TEXT NOT NULL,
      page TEXT,
      data TEXT NOT NULL,
      miniprogram_state TEXT,
      lang TEXT,
      at TEXT NOT NULL
    );
  `);

  const addGrant = db.prepare(`
    INSERT INTO grants (openid, template_id, remaining) VALUES (?, ?, ?)
    ON CONFLICT (openid, template_id) DO UPDATE SET remaining = remaining + excluded.remaining
    RETURNING openid, template_id AS templateId, remaining`);
  const useGrant = db.prepare('UPDATE grants SET remaining = remaining - 1 WHERE openid = ? AND template_id = ? AND remaining > 0');
  const insertSent = db.prepare(`
    INSERT INTO sent (touser, template_id, page, data, miniprogram_state, lang, at)
    VALUES (@touser, @template_id, @page, @data, @miniprogram_state, @lang, @at)`);
  const consume = db.transaction((message: NewSentMessage): boolean => {
    if (useGrant.run(message.touser, message.template_id).changes !== 1) return false;
    insertSent.run({ ...message, data: JSON.stringify(message.data) });
    return true;
  });

  // Optional filters as `(? IS NULL OR column = ?)` keep one statement per query.
  const selectGrants = db.prepare(`
    SELECT openid, template_id AS templateId, remaining FROM grants
    WHERE (@openid IS NULL OR openid = @openid) AND (@templateId IS NULL OR template_id = @templateId)
    ORDER BY openid, template_id`);
  const selectSent = db.prepare(`
    SELECT * FROM sent
    WHERE (@openid IS NULL OR touser = @openid) AND (@templateId IS NULL OR template_id = @templateId)
    ORDER BY id`);

  const filter = (f: { openid?: string; templateId?: string }) => ({ openid: f.openid ?? null, templateId: f.templateId ?? null });

  return {
    addGrants: (openid, templateId, count) => addGrant.get(openid, templateId, count) as Grant,
    grants: (f) => selectGrants.all(filter(f)) as Grant[],
    clearGrants: (f) => (f.openid ? db.prepare('DELETE FROM grants WHERE openid = ?').run(f.openid).changes : db.prepare('DELETE FROM grants').run().changes),
    consumeGrantAndRecord: (message) => consume(message),
    sent: (f) => (selectSent.all(filter(f)) as (Omit<SentMessage, 'data'> & { data: string })[]).map((row) => ({ ...row, data: JSON.parse(row.data) })),
    clearSent: () => db.prepare('DELETE FROM sent').run().changes,
    close: () => db.close(),
  };
}
