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
};

const GENERIC = 'application/octet-stream';

/**
 * The type a file is served with, as COS does: the type declared at upload, else (our
 * addition, since the SDK declares none) what the bytes are, else the extension's.
 */
export function contentTypeFor(cloudPath: string, bytes: Buffer, declared?: string): string {
  if (declared && !declared.startsWith(GENERIC)) return declared;
  const extension = /\.([A-Za-z0-9]+)$/.exec(cloudPath)?.[1]?.toLowerCase();
  return sniffImageType(bytes) ?? (extension && BY_EXTENSION[extension]) ?? GENERIC;
}
