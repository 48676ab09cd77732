/**
 * Photo and voice uploads: the mini-program asks the `case` function for upload paths before it
 * uploads, and a message later accepts only files uploaded to paths issued to the same person.
 * Types only.
 */

/** The image types a photo may be stored as (lower case, as in the cloud path). */
export type PhotoExtension = 'jpg' | 'jpeg' | 'png' | 'webp' | 'gif';

/** The audio types a voice message may be stored as (wx.getRecorderManager writes mp3 or aac; m4a/wav from other recorders). */
export type AudioExtension = 'mp3' | 'aac' | 'm4a' | 'wav';

/** Documents (a suggestion's attachments, a unit's signed answer): suggestion.uploadPaths only. */
export type DocumentExtension = 'pdf';

export interface UploadPathsInput {
  /** One entry per file about to be uploaded (1–9: photos and/or one voice), its extension; one path comes back for each, in this order. */
  extensions: (PhotoExtension | AudioExtension)[];
}

export interface UploadPath {
  /** Where to upload: `cases/<yyyy>/<mm>/<32 hex>.<ext>` — `cloudPath` of wx.cloud.uploadFile, or of the local POST /storage/upload. */
  cloudPath: string;
  /** ISO 8601: after this, a file uploaded there is no longer accepted in a message. */
  expiresAt: string;
}

export interface UploadPathsOutput {
  paths: UploadPath[];
}

/** suggestion.uploadPaths: 1–9 photos and PDFs, same paths and expiry rules as a message's (under `suggestions/`). */
export interface SuggestionUploadPathsInput {
  extensions: (PhotoExtension | DocumentExtension)[];
}
