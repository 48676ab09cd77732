/** The photo list's rules. Pure: unit-tested in test/miniprogram/case-view-models.test.ts. */
/** A photo in storage: the file id the server takes, and what the thumbnail shows (the local path picked). */
export interface StoredPhoto {
  fileId: string;
  url: string;
}

/** A van-uploader item plus what the upload needs: a stable key and, once stored, the file id. */
export interface PickerFile {
  key: number;
  url: string;
  /** van-uploader masks 'uploading' and 'failed'; anything else shows the plain photo. */
  status: 'uploading' | 'failed' | 'done';
  message: string;
  fileId?: string;
}

/** What a page needs to know: the stored photos, and whether any is still on its way. */
export interface PhotoSummary {
  photos: StoredPhoto[];
  uploading: number;
  failed: number;
}

export function toPickerFiles(value: readonly StoredPhoto[] | null | undefined, key: () => number): PickerFile[] {
  return (value ?? []).map((p) => ({ key: key(), url: p.url, fileId: p.fileId, status: 'done', message: '' }));
}

export function summarise(files: readonly PickerFile[]): PhotoSummary {
  return {
    photos: files.flatMap((f) => (f.status === 'done' && f.fileId ? [{ fileId: f.fileId, url: f.url }] : [])),
    uploading: files.filter((f) => f.status === 'uploading').length,
    failed: files.filter((f) => f.status === 'failed').length,
  };
}

/** Why the photos cannot be sent yet, or '' when they can. */
export function photoProblem(summary: Pick<PhotoSummary, 'uploading' | 'failed'>): string {
  if (summary.uploading) return '照片还在上传，请稍候';
  if (summary.failed) return '有照片上传失败，请点击重试或删除';
  return '';
}
