/**
 * Voice messages uploaded as the mini-program uploads them (services/storage.ts uploadVoice): one
 * `case.uploadPaths` call with the recording's extension, then `POST /storage/upload` as the
 * same caller. The file id that comes back is what `case.submit` may carry as `voice.fileId`.
 */
import type { AudioExtension } from '../../typings/uploads';
import type { Backend } from './harness';
import { postUpload } from './photos';

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames, 38.28 a second. */
const FRAME = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);

/**
 * An MP3 of `seconds` (an ID3 tag, then silent frames): a minute is about 0.96 MB, the size of
 * WeChat's recorder at its highest mp3 bitrate, so the upload route's limit is checked with room.
 */
export function mp3Bytes(seconds: number): Buffer {
  const frames = Math.ceil(seconds * 38.28);
  return Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), ...Array<Buffer>(frames).fill(FRAME)]);
}

/** One recording uploaded by `openid`: its file id. The bytes are MP3 whatever the extension (the route sniffs audio). */
export async function uploadedVoice(backend: Backend, openid: string, options: { extension?: AudioExtension; seconds?: number } = {}): Promise<string> {
  const { paths } = await backend.data('case', 'uploadPaths', { extensions: [options.extension ?? 'mp3'] }, openid);
  const { status, body } = await postUpload(backend, openid, paths[0].cloudPath, mp3Bytes(options.seconds ?? 5));
  if (status !== 200) throw new Error(`upload to ${paths[0].cloudPath} answered ${status}: ${JSON.stringify(body)}`);
  return body.fileID;
}
