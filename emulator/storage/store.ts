import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { cloudPathProblem } from './paths';

/**
 * The durable part of storage, under `<dataDir>/storage/`: the bytes in `files/<cloudPath>`
 * (browsable), and what COS keeps beside them in `index.sqlite` — size, type, ETag,
 * uploader, time — plus the signing key. A file exists when its row does.
 */
export interface StoredFile {
  cloudPath: string;
  size: number;
  contentType: string;
  etag: string;
  /** Who uploaded it from the mini-program; null for uploads through the server SDK. */
  uploaderOpenid: string | null;
  createdAt: string;
}

export interface StorageStore {
  /** Key for URL and upload signatures, made once per data folder. */
  signingKey: Buffer;
  put(cloudPath: string, bytes: Buffer, meta: { contentType: string; uploaderOpenid: string | null; at: Date }): StoredFile;
  stat(cloudPath: string): StoredFile | undefined;
  read(file: StoredFile): Buffer;
  remove(cloudPath: string): boolean;
  list(prefix: string): StoredFile[];
  close(): void;
}

/** The local tree cannot hold both `a/b` and `a/b/c` as files, which COS can. */
export class PathConflict extends Error {}

export function openStorageStore(dataDir: string): StorageStore {
  const root = path.join(dataDir, 'storage');
  const filesRoot = path.join(root, 'files');
  const tmpRoot = path.join(root, 'tmp');
  fs.mkdirSync(filesRoot, { recursive: true });
  fs.mkdirSync(tmpRoot, { recursive: true });

  const db = new Database(path.join(root, 'index.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS files (
      cloud_path TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      content_type TEXT NOT NULL,
      etag TEXT NOT NULL,
      uploader_openid TEXT,
      created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run('signing_key', randomBytes(32).toString('hex'));
  const signingKey = Buffer.from((db.prepare('SELECT value FROM settings WHERE key = ?').get('signing_key') as { value: string }).value, 'hex');

  const columns = `cloud_path AS cloudPath, size, content_type AS contentType, etag, uploader_openid AS uploaderOpenid, created_at AS createdAt`;
  const upsert = db.prepare(`
    INSERT INTO files (cloud_path, size, content_type, etag, uploader_openid, created_at)
    VALUES (@cloudPath, @size, @contentType, @etag, @uploaderOpenid, @createdAt)
    ON CONFLICT (cloud_path) DO UPDATE SET size = excluded.size, content_type = excluded.content_type,
      etag = excluded.etag, uploader_openid = excluded.uploader_openid, created_at = excluded.created_at`);
  const select = db.prepare(`SELECT ${columns} FROM files WHERE cloud_path = ?`);
  const selectPrefix = db.prepare(`SELECT ${columns} FROM files WHERE substr(cloud_path, 1, length(@prefix)) = @prefix ORDER BY cloud_path`);
  const remove = db.prepare('DELETE FROM files WHERE cloud_path = ?');

  /** Callers validate paths; this second check keeps every write inside `files/` whatever happens upstream. */
  function diskPath(cloudPath: string): string {
    const problem = cloudPathProblem(cloudPath);
    const resolved = path.resolve(filesRoot, cloudPath);
    if (problem || !resolved.startsWith(filesRoot + path.sep)) throw new Error(`[emulator] unsafe cloud path "${cloudPath}": ${problem ?? 'outside the storage folder'}`);
    return resolved;
  }

  function pruneEmptyParents(file: string): void {
    for (let dir = path.dirname(file); dir !== filesRoot && dir.startsWith(filesRoot); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        return; // not empty
      }
    }
  }

  return {
    signingKey,
    put(cloudPath, bytes, meta) {
      const target = diskPath(cloudPath);
      const tmp = path.join(tmpRoot, randomUUID());
      fs.writeFileSync(tmp, bytes);
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.renameSync(tmp, target); // atomic: a reader never sees half a file
      } catch (error) {
        fs.rmSync(tmp, { force: true });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
          throw new PathConflict(`[emulator] "${cloudPath}" clashes with another stored file's folder; the local store keeps files as a directory tree`);
        }
        throw error;
      }
      const file: StoredFile = {
        cloudPath,
        size: bytes.length,
        contentType: meta.contentType,
        etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
        uploaderOpenid: meta.uploaderOpenid,
        createdAt: meta.at.toISOString(),
      };
      upsert.run(file);
      return file;
    },
    stat: (cloudPath) => select.get(cloudPath) as StoredFile | undefined,
    read: (file) => fs.readFileSync(diskPath(file.cloudPath)),
    remove(cloudPath) {
      if (remove.run(cloudPath).changes === 0) return false;
      const target = diskPath(cloudPath);
      fs.rmSync(target, { force: true });
      pruneEmptyParents(target);
      return true;
    },
    list: (prefix) => selectPrefix.all({ prefix }) as StoredFile[],
    close: () => db.close(),
  };
}
