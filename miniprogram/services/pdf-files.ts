/**
 * PDFs a person attaches and PDFs they open. Picked from a chat (wx.chooseMessageFile: the phone
 * has no file browser a mini-program may open), each uploaded at once to a path issued by the
 * function whose record will take it; opened by downloading and handing the file to WeChat's
 * viewer, where it can be forwarded or printed. In the main package so every subpackage
 * (代表建议, 立法意见征集) shares it. Emits nothing: the page keeps the list and reads
 * `pdfProblem` before sending.
 */
import { uploadDocument } from './storage';
import type { DocumentVia } from './storage';
import type { Outcome } from './outcome';

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

export async function uploadPdf(file: PdfFile, path: string, via: DocumentVia = 'suggestion'): Promise<PdfFile> {
  const outcome: Outcome<{ fileId: string }> = await uploadDocument(path, via);
  return outcome.ok ? { ...file, status: 'done', fileId: outcome.data.fileId } : { ...file, status: 'failed' };
}

/** Why the PDFs cannot be sent yet, or ''. */
export function pdfProblem(files: readonly Pick<PdfFile, 'status'>[]): string {
  if (files.some((f) => f.status === 'uploading')) return 'PDF 还在上传，请稍候';
  if (files.some((f) => f.status === 'failed')) return '有 PDF 上传失败，请删除后重新添加';
  return '';
}

/** Any PDF by its URL (an attachment, a signed answer, a compiled report): downloaded, then shown by WeChat. */
export async function openPdf(url: string, name = '文件'): Promise<Outcome<true>> {
  const filePath = await new Promise<string | undefined>((resolve) => {
    wx.downloadFile({
      url,
      success: (res) => resolve(res.statusCode === 200 ? res.tempFilePath : undefined),
      fail: () => resolve(undefined),
    });
  });
  if (!filePath) return { ok: false, error: { message: `${name}下载失败，请稍后重试` } };
  return new Promise((resolve) => {
    wx.openDocument({
      filePath,
      fileType: 'pdf',
      showMenu: true,
      success: () => resolve({ ok: true, data: true }),
      fail: () => resolve({ ok: false, error: { message: `无法打开${name}，请稍后重试` } }),
    });
  });
}
