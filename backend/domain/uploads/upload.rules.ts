/**
 * Who may attach a photo or a voice message: the person its upload path was issued to. CloudBase records a file's
 * uploader, but no server SDK call reads it back, so the functions draw the path themselves,
 * record whom they gave it to, and a message accepts a file only from that person, only once,
 * and only while the path is valid. Pure: the clock and the random names are injected.
 */
import type { AudioExtension, DocumentExtension, PhotoExtension } from '../../../typings/uploads';
import type { Assert, ListsEvery } from '../exhaustive';
import { shanghaiDate } from '../calendar';

export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'] as const satisfies readonly PhotoExtension[];
export type AllPhotoExtensionsListed = Assert<ListsEvery<typeof PHOTO_EXTENSIONS, PhotoExtension>>;

/** wx.getRecorderManager records mp3 or aac (iOS may name it m4a); wav from other recorders. */
export const AUDIO_EXTENSIONS = ['mp3', 'aac', 'm4a', 'wav'] as const satisfies readonly AudioExtension[];
export type AllAudioExtensionsListed = Assert<ListsEvery<typeof AUDIO_EXTENSIONS, AudioExtension>>;

/** Every extension a path may be issued for. */
export type UploadExtension = PhotoExtension | AudioExtension;
export const UPLOAD_EXTENSIONS: readonly UploadExtension[] = [...PHOTO_EXTENSIONS, ...AUDIO_EXTENSIONS];

export function isAudioExtension(extension: string): extension is AudioExtension {
  return (AUDIO_EXTENSIONS as readonly string[]).includes(extension);
}

/** The storage folder of every message photo (a case's, a supplement's, a reply's, a follow-up's) and of a case's voice message. */
export const PHOTO_FOLDER = 'cases';

/** A suggestion's attachments and a unit's signed answer (photos and PDFs): suggestion.uploadPaths only. */
export const SUGGESTION_FOLDER = 'suggestions';

export const UPLOAD_RULES = {
  /** wx.chooseMedia picks at most 9 at once; one call serves one pick. */
  maxPerCall: 9,
  /**
   * A path stays attachable for 7 days: a draft kept on the phone over a weekend still sends its
   * photos, and an unused path does not stay claimable (nor in the collection) for ever.
   */
  validDays: 7,
  /** Paths one person may be issued in any hour: ten messages of six photos, with retries. */
  maxPerHour: 60,
} as const;

/** One issued path, as the `uploads` collection keeps it (`id` = the random name). */
export interface IssuedUpload {
  readonly id: string;
  readonly cloudPath: string;
  /** The WeChat openid the path was issued to, whatever the role: residents, deputies and officers attach photos. */
  readonly ownerOpenid: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** Set, with the case it went into, by the transaction that wrote the message keeping it. */
  readonly usedAt?: Date;
  readonly caseId?: string;
}

/** Random names are 32 hex digits (128 bits) drawn by the function: unique, and nothing personal in a path handlers see. */
const NAME = /^[0-9a-f]{32}$/;

/** New paths under `cases/<yyyy>/<mm>/` (Shanghai's calendar month; a suggestion's under `suggestions/`), one per extension, in order. */
export function issueUploads(
  owner: string,
  extensions: readonly (UploadExtension | DocumentExtension)[],
  now: Date,
  randomName: () => string,
  folder: typeof PHOTO_FOLDER | typeof SUGGESTION_FOLDER = PHOTO_FOLDER,
): IssuedUpload[] {
  const month = shanghaiDate(now).slice(0, 7).replace('-', '/');
  const expiresAt = new Date(now.getTime() + UPLOAD_RULES.validDays * 24 * 60 * 60 * 1000);
  return extensions.map((extension) => {
    const id = randomName();
    if (!NAME.test(id)) throw new Error('upload names must be 32 hex digits');
    return { id, cloudPath: `${folder}/${month}/${id}.${extension}`, ownerOpenid: owner, issuedAt: now, expiresAt };
  });
}

/** Whether `asking` more paths keep the caller within the hourly allowance, given what the last hour issued them. */
export function withinUploadAllowance(issuedLastHour: number, asking: number): boolean {
  return issuedLastHour + asking <= UPLOAD_RULES.maxPerHour;
}

export function uploadAllowanceStart(now: Date): Date {
  return new Date(now.getTime() - 60 * 60 * 1000);
}

/** The record id of a photo's (or voice file's) cloud path: its random name, when it has the shape this module issues. */
export function uploadIdOf(cloudPath: string): string | undefined {
  // Extensions may hold digits (m4a).
  const name = /\/([^/.]+)\.[a-z0-9]+$/.exec(cloudPath)?.[1];
  return name && NAME.test(name) ? name : undefined;
}

/** Why a photo may not go into a message. */
export type ClaimRefusal = 'not_yours' | 'used' | 'expired';

/**
 * Whether `claimant` may attach the file at `cloudPath`, given the path's record (undefined: never
 * issued). Someone else's path and a path never issued answer alike, so a refusal tells a
 * stranger nothing about whose it is, nor whether it was used.
 */
export function claimRefusal(upload: IssuedUpload | undefined, cloudPath: string, claimant: string, now: Date): ClaimRefusal | undefined {
  if (!upload || upload.cloudPath !== cloudPath || !claimant || upload.ownerOpenid !== claimant) return 'not_yours';
  // Once: a photo belongs to one message, so a kept path never becomes claimable again.
  if (upload.usedAt) return 'used';
  if (now.getTime() >= upload.expiresAt.getTime()) return 'expired';
  return undefined;
}

/**
 * What the sender reads, naming the photo by its place in the message (1-based, as a person
 * counts), or the voice message ('voice'), which is recorded again rather than re-added.
 */
export function claimRefusalMessage(refusal: ClaimRefusal, index: number | 'voice'): string {
  if (index === 'voice') return voiceRefusalMessage(refusal);
  const which = `第 ${index + 1} 张照片`;
  switch (refusal) {
    case 'not_yours':
      return `${which}不是您本人上传的，请删除后重新添加`;
    case 'used':
      return `${which}已经发送过，请删除后重新添加`;
    case 'expired':
      return `${which}上传已超过 ${UPLOAD_RULES.validDays} 天，请删除后重新添加`;
  }
}

function voiceRefusalMessage(refusal: ClaimRefusal): string {
  switch (refusal) {
    case 'not_yours':
      return '语音不是您本人录制上传的，请重新录制';
    case 'used':
      return '这段语音已经发送过，请重新录制';
    case 'expired':
      return `语音上传已超过 ${UPLOAD_RULES.validDays} 天，请重新录制`;
  }
}
