/** What a file is, from its first bytes: the name and the declared type can lie. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export function sniffImageType(bytes: Buffer): ImageType | undefined {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.subarray(0, 6).toString('latin1') === 'GIF87a' || bytes.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

/** A PDF (a suggestion's attachment, a unit's signed answer): its header, `%PDF-`. */
export function sniffPdf(bytes: Buffer): 'application/pdf' | undefined {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : undefined;
}

export type AudioType = 'audio/mpeg' | 'audio/aac' | 'audio/mp4' | 'audio/wav';

/** ISO base media brands of an audio file (iOS's recorder writes M4A for 'aac'); video brands are not audio. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', '3gp4', '3gp5', '3gp6']);

/** What wx.getRecorderManager (and common recorders) write: MP3, AAC (ADTS), M4A, WAV. */
export function sniffAudioType(bytes: Buffer): AudioType | undefined {
  const text = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (text(0, 3) === 'ID3') return 'audio/mpeg';
  if (text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return 'audio/wav';
  if (text(4, 8) === 'ftyp' && AUDIO_BRANDS.has(text(8, 12))) return 'audio/mp4';
  if (bytes.length >= 4 && bytes[0] === 0xff) {
    // Both start with a frame sync: ADTS has 12 one-bits and layer 00; an MPEG audio frame 11 and a layer.
    if ((bytes[1] & 0xf6) === 0xf0) return 'audio/aac';
    if ((bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x06) !== 0) return 'audio/mpeg';
  }
  return undefined;
}

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
};

const GENERIC = 'application/octet-stream';

/**
 * The type a file is served with, as COS does: the type declared at upload, else (our
 * addition, since the SDK declares none) what the bytes are, else the extension's.
 */
export function contentTypeFor(cloudPath: string, bytes: Buffer, declared?: string): string {
  if (declared && !declared.startsWith(GENERIC)) return declared;
  const extension = /\.([A-Za-z0-9]+)$/.exec(cloudPath)?.[1]?.toLowerCase();
  return sniffImageType(bytes) ?? sniffAudioType(bytes) ?? (extension && BY_EXTENSION[extension]) ?? GENERIC;
}
