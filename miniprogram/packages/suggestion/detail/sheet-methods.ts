/**
 * The action sheets of the detail page: opening one (with the units for 交办 and re-routing),
 * filling it in, the answer's PDF, and sending it. Spread into the page's methods.
 */
import type { SuggestionDetail } from '../../../../typings/suggestion';
import type { ApiResult } from '../../../../typings/errors';
import { callApi } from '../../../services/api-client';
import { now } from '../../../utils/time';
import { beijingDateAfter } from '../common/deadline';
import { choosePdfs, pdfProblem, pendingPdf, uploadPdf } from '../../../services/pdf-files';
import type { PdfFile } from '../../../services/pdf-files';
import { DONE_TEXTS, EMPTY_SHEET, firstSheetProblem, sheetCall, sheetOf, sheetProblems, textFieldOf } from './forms';
import type { SheetForm, SheetKind } from './forms';
import { unitChoices } from './load';

type Unit = { value: string; label: string; lead: boolean; assist: boolean };

/** What these methods need of the page they are mixed into. */
interface SheetPage {
  data: { popup: SheetKind | ''; form: SheetForm; units: Unit[]; requestKind: '' | 'reroute' | 'extension'; tomorrow: string; pdf: PdfFile | null; busy: boolean };
  setData(data: Record<string, unknown>): void;
  detail(): SuggestionDetail | undefined;
  settle(answer: ApiResult<SuggestionDetail>, done: string): Promise<void>;
}

const withMarks = (units: readonly Unit[], form: Pick<SheetForm, 'leadUnitId' | 'assistUnitIds'>): Unit[] =>
  units.map((u) => ({ ...u, lead: u.value === form.leadUnitId, assist: form.assistUnitIds.includes(u.value) }));

export const sheetMethods = {
  async openSheet(this: SheetPage, action: string) {
    const kind = sheetOf(action);
    if (!kind) return;
    const form = { ...EMPTY_SHEET };
    this.setData({ popup: kind, form, errors: {}, formError: '', pdf: null, text: textFieldOf(kind, form), tomorrow: beijingDateAfter(now(), 1) });
    const needsUnits = kind === 'assign' || (kind === 'decide' && this.data.requestKind === 'reroute');
    if (needsUnits && !this.data.units.length) {
      const units = await unitChoices();
      if (!units.ok) return this.setData({ unitsError: units.error.message });
      this.setData({ units: units.data.map((u) => ({ ...u, lead: false, assist: false })), unitsError: units.data.length ? '' : '还没有承办单位，请先在「承办单位」中添加' });
    }
    this.setData({ units: withMarks(this.data.units, form) });
  },
  onCloseSheet(this: SheetPage) {
    this.setData({ popup: '' });
  },
  /** A whole row of a choice list picks its value (cosign, review, decide, result, rating). */
  onChoose(this: SheetPage, event: { currentTarget: { dataset: { field: 'choice' | 'result' | 'rating'; value: string } } }) {
    const { field, value } = event.currentTarget.dataset;
    const form = { ...this.data.form, [field]: value };
    const kind = this.data.popup;
    this.setData({ form, [`errors.${field}`]: '', formError: '', text: kind ? textFieldOf(kind, form) : null });
  },
  onText(this: SheetPage, event: { detail: string }) {
    this.setData({ 'form.text': event.detail, 'errors.text': '', formError: '' });
  },
  onDate(this: SheetPage, event: WechatMiniprogram.PickerChange) {
    this.setData({ 'form.date': String(event.detail.value), 'errors.date': '', formError: '' });
  },
  onPublishable(this: SheetPage, event: { detail: boolean }) {
    this.setData({ 'form.publishable': event.detail });
  },
  onLead(this: SheetPage, event: { currentTarget: { dataset: { id: string } } }) {
    const form = this.data.form;
    const id = event.currentTarget.dataset.id;
    const next = { ...form, leadUnitId: id, assistUnitIds: form.assistUnitIds.filter((x) => x !== id) };
    this.setData({ form: next, units: withMarks(this.data.units, next), 'errors.leadUnitId': '', 'errors.assistUnitIds': '', formError: '' });
  },
  onAssist(this: SheetPage, event: { currentTarget: { dataset: { id: string } } }) {
    const form = this.data.form;
    const id = event.currentTarget.dataset.id;
    if (id === form.leadUnitId) return;
    const assistUnitIds = form.assistUnitIds.includes(id) ? form.assistUnitIds.filter((x) => x !== id) : [...form.assistUnitIds, id];
    const next = { ...form, assistUnitIds };
    this.setData({ form: next, units: withMarks(this.data.units, next), 'errors.assistUnitIds': '', formError: '' });
  },
  /** The signed reply as one PDF, from a chat. */
  async onAnswerPdf(this: SheetPage) {
    const [picked] = await choosePdfs(1);
    if (!picked) return;
    const file = pendingPdf(picked.name);
    this.setData({ pdf: file, 'errors.pdf': '' });
    const done = await uploadPdf(file, picked.path);
    if (this.data.pdf?.key === file.key) this.setData({ pdf: done });
  },
  onRemoveAnswerPdf(this: SheetPage) {
    this.setData({ pdf: null, 'errors.pdf': '' });
  },
  async onSend(this: SheetPage) {
    const kind = this.data.popup;
    const detail = this.detail();
    if (!kind || !detail || this.data.busy) return;
    const form = this.data.form;
    const pdf = this.data.pdf;
    const errors = sheetProblems(kind, form, { requestKind: detail.request?.kind, pdfProblem: pdf ? pdfProblem([pdf]) : '', tomorrow: this.data.tomorrow });
    if (firstSheetProblem(errors)) return this.setData({ errors, formError: firstSheetProblem(errors) });
    this.setData({ busy: true, errors: {}, formError: '' });
    const call = sheetCall(kind, form, detail.id, pdf?.fileId);
    // TypeScript cannot follow the action/input pairing through a union; SheetCall guarantees it.
    const answer = (await callApi('suggestion', call.action as 'rate', call.input as never)) as ApiResult<SuggestionDetail>;
    await this.settle(answer, DONE_TEXTS[kind]);
  },
};
