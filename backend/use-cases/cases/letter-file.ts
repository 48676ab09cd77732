/**
 * Where 代表函 PDFs are kept: `letters/<caseId>/<receiptNo>.pdf` in cloud storage, one per
 * case (issuing again replaces it with the same letter), handed out as a short-lived URL.
 */
import { cloudbase } from '../../platform/cloudbase';

/** Long enough to download and open it; a forwarded link dies soon. */
const LETTER_URL_MAX_AGE_SECONDS = 10 * 60;

export const letterPath = (caseId: string, receiptNo: string): string => `letters/${caseId}/${receiptNo}.pdf`;

export async function storeLetter(cloudPath: string, pdf: Buffer): Promise<{ fileId: string; url: string }> {
  const app = cloudbase();
  const { fileID } = await app.uploadFile({ cloudPath, fileContent: pdf });
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: LETTER_URL_MAX_AGE_SECONDS }] });
  const entry = fileList?.[0];
  if (entry?.code !== 'SUCCESS' || !entry.tempFileURL) throw new Error(`getTempFileURL for ${fileID} answered ${entry?.code}`);
  return { fileId: fileID, url: entry.tempFileURL };
}
