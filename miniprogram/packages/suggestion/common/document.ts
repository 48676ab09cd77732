/**
 * The printable 代表建议 and the 交办单: made (or fetched) by the server as a PDF, then opened in
 * WeChat's document viewer, where it can be forwarded or printed.
 */
import type { SuggestionDocumentInput } from '../../../../typings/suggestion';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { openPdf } from '../../../services/pdf-files';

export const DOCUMENT_NAMES: Readonly<Record<SuggestionDocumentInput['kind'], string>> = { suggestion: '代表建议', assignment: '交办单' };

export async function openSuggestionDocument(input: SuggestionDocumentInput): Promise<Outcome<true>> {
  const made = await callApi('suggestion', 'document', input);
  return made.ok ? openPdf(made.data.url, DOCUMENT_NAMES[input.kind]) : made;
}
