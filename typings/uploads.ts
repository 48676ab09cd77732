/**
 * Photo uploads: the mini-program asks the `case` function for upload paths before it uploads,
 * and a message later accepts only files uploaded to paths issued to the same person. Types only.
 */

/** The image types a photo may be stored as (lower case, as in the cloud path). */
export type PhotoExtension = 'jpg' | 'jpeg' | 'png' | 'webp' | 'gif';

export interface UploadPathsInput {
  /** One entry per photo about to be uploaded (1–9), its file's extension; one path comes back for each, in this order. */
  extensions: PhotoExtension[];
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
