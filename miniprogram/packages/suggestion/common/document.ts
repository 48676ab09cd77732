/**
 * The printable 代表建议 and the 交办单: made (or fetched) by the server as a PDF, then opened in
 * WeChat's document viewer, where it can be forwarded or printed.
 */
import type { SuggestionDocumentInput } from '../../../../typings/suggestion';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';

export const DOCUMENT_NAMES: Readonly<Record<SuggestionDocumentInput['kind'], string>> = { suggestion: '代表建议', assignment: '交办单' };

export async function openSuggestionDocument(input: SuggestionDocumentInput): Promise<Outcome<true>> {
  const made = await callApi('suggestion', 'document', input);
  return made.ok ? openPdf(made.data.url, DOCUMENT_NAMES[input.kind]) : made;
}

/** Any PDF by its URL (an attachment, a signed answer): downloaded, then shown by WeChat. */
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
