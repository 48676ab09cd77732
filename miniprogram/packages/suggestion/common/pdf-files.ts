/**
 * PDFs come from a chat (wx.chooseMessageFile: the phone has no file browser a mini-program may
 * open), each uploaded at once to a path of suggestion.uploadPaths. Emits nothing: the page keeps
 * the list and reads `pdfProblem` before sending.
 */
import { uploadDocument } from '../../../services/storage';
import type { Outcome } from '../../../services/outcome';

export interface PdfFile {
  key: string;
  name: string;
  status: 'uploading' | 'done' | 'failed';
  fileId?: string;
  /** A stored one's short-lived URL (an edited draft's), to open it again. */
  url?: string;
}

let nextKey = 1;

/** The PDFs picked: their local paths and names; none when the person cancelled. */
export function choosePdfs(count: number): Promise<{ path: string; name: string }[]> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count,
      type: 'file',
      extension: ['pdf'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.path, name: f.name }))),
      fail: () => resolve([]),
    });
  });
}

export function pendingPdf(name: string): PdfFile {
  nextKey += 1;
  return { key: `pdf-${nextKey}`, name, status: 'uploading' };
}

export async function uploadPdf(file: PdfFile, path: string): Promise<PdfFile> {
  const outcome: Outcome<{ fileId: string }> = await uploadDocument(path);
  return outcome.ok ? { ...file, status: 'done', fileId: outcome.data.fileId } : { ...file, status: 'failed' };
}

/** Why the PDFs cannot be sent yet, or ''. */
export function pdfProblem(files: readonly Pick<PdfFile, 'status'>[]): string {
  if (files.some((f) => f.status === 'uploading')) return 'PDF 还在上传，请稍候';
  if (files.some((f) => f.status === 'failed')) return '有 PDF 上传失败，请删除后重新添加';
  return '';
}
