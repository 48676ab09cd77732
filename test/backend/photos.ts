/**
 * Photos uploaded as the mini-program uploads them: ask `case.uploadPaths` as the caller, then
 * `POST /storage/upload` (what wx.uploadFile sends in local mode) to the path it answered, as the
 * same caller. The file id that comes back is what a message may carry.
 */
import type { PhotoExtension } from '../../typings/uploads';
import type { Backend } from './harness';
import { pngBytesOfSize } from './png';

/** `wx.uploadFile` to the local back end: multipart `file` + `cloudPath`, the caller in X-WX-OPENID. */
export async function postUpload(backend: Backend, openid: string, cloudPath: string, bytes: Buffer = pngBytesOfSize(4)): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('cloudPath', cloudPath);
  form.set('file', new Blob([bytes]), 'tmp_photo.png');
  const res = await fetch(`${backend.url}/storage/upload`, { method: 'POST', body: form, headers: { 'X-WX-OPENID': openid } });
  return { status: res.status, body: await res.json() };
}

/** `count` photos of one message: one call for the paths, then each uploaded; their file ids, in order. */
export async function uploadedPhotos(backend: Backend, openid: string, count = 1, extension: PhotoExtension = 'png'): Promise<string[]> {
  const { paths } = await backend.data('case', 'uploadPaths', { extensions: Array(count).fill(extension) }, openid);
  const ids: string[] = [];
  for (const { cloudPath } of paths) {
    const { status, body } = await postUpload(backend, openid, cloudPath);
    if (status !== 200) throw new Error(`upload to ${cloudPath} answered ${status}: ${JSON.stringify(body)}`);
    ids.push(body.fileID);
  }
  return ids;
}

export async function uploadedPhoto(backend: Backend, openid: string): Promise<string> {
  return (await uploadedPhotos(backend, openid, 1))[0];
}
