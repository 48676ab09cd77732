import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { CloudBaseApp } from '../../backend/platform/cloudbase';
import { localCloudbase } from '../../scripts/lib/local-sdk';
import { startAdminServer, type AdminServer } from '../../emulator/server';
import { createStorageService } from '../../emulator/storage';

/**
 * A storage emulator on a free port with a clock the test moves, and a real
 * @cloudbase/node-sdk app pointed at it. `restart()` starts a new one on the same data.
 */
export interface StorageHarness {
  app: CloudBaseApp;
  server: AdminServer;
  dataDir: string;
  /** Moves the emulator's clock (URL and upload expiry); the SDK keeps real time. */
  advance(seconds: number): void;
  /** `wx.uploadFile` as the mini-program sends it in local mode. */
  postUpload(form: { file?: Buffer; filename?: string; cloudPath?: string }, openid?: string): Promise<{ status: number; body: any }>;
  stored(prefix?: string): Promise<any[]>;
  restart(): Promise<StorageHarness>;
  close(): Promise<void>;
}

export async function startStorageHarness(dataDir?: string, clock = { now: Date.now() }): Promise<StorageHarness> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'storage-emulator-'));
  let publicUrl = '';
  const server = await startAdminServer([createStorageService({ dataDir: dir, publicUrl: () => publicUrl, now: () => new Date(clock.now) })]);
  publicUrl = server.url;
  const app = localCloudbase(server.serviceUrl);

  return {
    app,
    server,
    dataDir: dir,
    advance(seconds) {
      clock.now += seconds * 1000;
    },
    async postUpload(form, openid) {
      const body = new FormData();
      if (form.cloudPath !== undefined) body.set('cloudPath', form.cloudPath);
      if (form.file) body.set('file', new Blob([form.file]), form.filename ?? 'tmp_photo.jpg');
      const res = await fetch(`${server.url}/storage/upload`, { method: 'POST', body, headers: openid ? { 'X-WX-OPENID': openid } : {} });
      return { status: res.status, body: await res.json() };
    },
    async stored(prefix = '') {
      const res = await fetch(`${server.url}/_emulator/storage/files?prefix=${encodeURIComponent(prefix)}`);
      return ((await res.json()) as { files: any[] }).files;
    },
    async restart() {
      await server.close();
      return startStorageHarness(dir, clock);
    },
    close: () => server.close(),
  };
}

/** A real PNG, as a phone's screenshot would be (pngjs encodes it). */
export function pngBytes(width = 4, height = 3): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  return PNG.sync.write(png);
}

/** Enough of a JPEG for anything that reads its signature (SOI + APP0 JFIF). */
export function jpegBytes(size = 2048): Buffer {
  const bytes = Buffer.alloc(size, 0x11);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(bytes);
  bytes.writeUInt16BE(0xffd9, size - 2);
  return bytes;
}

export async function fetchBytes(url: string, init?: RequestInit): Promise<{ status: number; type: string | null; bytes: Buffer; text: string }> {
  const res = await fetch(url, init);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes, text: bytes.toString('utf8') };
}
