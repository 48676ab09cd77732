/**
 * What the editor asks of the server besides saving: the draft to edit, the case it starts from,
 * and the two pickers' lists (deputies to co-sign, the deputy's own cases).
 */
import type { InboxItem } from '../../../../typings/workspace';
import type { CosignableOutput, SuggestionDetail } from '../../../../typings/suggestion';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { cosignersOf, formFromCase, formFromSuggestion, linkedCaseOf, pdfsOf, photosOf } from './view-model';
import type { Cosigner, EditForm, LinkedCase } from './view-model';
import type { PdfFile } from '../../../services/pdf-files';

export interface Opened {
  form: EditForm;
  photos: { fileId: string; url: string }[];
  pdfs: PdfFile[];
  cosigners: Cosigner[];
  cases: LinkedCase[];
  detail?: SuggestionDetail;
}

const BLANK: Opened = { form: { title: '', problem: '', proposal: '' }, photos: [], pdfs: [], cosigners: [], cases: [] };

const NOT_EDITABLE = { ok: false as const, error: { code: 'ILLEGAL_TRANSITION', message: '这件建议已提交，不能再修改', hint: '退回修改后才能再编辑' } };

/** `?id=` a draft (or a returned one) to edit; `?fromCaseId=` a new one from that case; neither: a blank one. */
export async function openEditor(query: Record<string, string | undefined>): Promise<Outcome<Opened>> {
  if (query.id) {
    const got = await callApi('suggestion', 'get', { suggestionId: query.id });
    if (!got.ok) return got;
    if (!got.data.can.edit) return NOT_EDITABLE;
    const d = got.data;
    const pdfs = pdfsOf(d.attachments).map((f, i): PdfFile => ({ key: `stored-${i}`, name: `附件${i + 1}.pdf`, status: 'done', fileId: f.fileId, url: f.url }));
    return { ok: true, data: { form: formFromSuggestion(d), photos: photosOf(d.attachments), pdfs, cosigners: cosignersOf(d), cases: d.cases, detail: d } };
  }
  if (query.fromCaseId) {
    const got = await callApi('case', 'get', { caseId: query.fromCaseId });
    if (!got.ok) return got;
    return { ok: true, data: { ...BLANK, form: formFromCase(got.data), cases: [linkedCaseOf(got.data)] } };
  }
  return { ok: true, data: BLANK };
}

export function cosignable(query: string): Promise<Outcome<CosignableOutput>> {
  return callApi('suggestion', 'cosignable', query.trim() ? { query: query.trim() } : {});
}

/** The deputy's cases, every status, a page of 20 at a time. */
export async function myCases(page: number): Promise<Outcome<{ cases: InboxItem[]; hasMore: boolean }>> {
  const inbox = await callApi('case', 'inbox', { filter: 'all', page });
  return inbox.ok ? { ok: true, data: { cases: inbox.data.cases, hasMore: inbox.data.hasMore } } : inbox;
}
