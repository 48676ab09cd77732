/**
 * The editor's two pickers, in one bottom sheet: deputies to ask to co-sign (found by name) and
 * the deputy's own cases to link. A row toggles; the lists on the form change at once.
 */
import { SUGGESTION_LIMITS } from '../../../generated/rules';
import { cosignable, myCases } from './load';
import { pickRows, toggled } from './view-model';
import type { Cosigner, LinkedCase, PickRow } from './view-model';

/** What these methods need of the page they are mixed into. */
interface PickerPage {
  data: { popup: '' | 'cosigners' | 'cases'; query: string; rows: PickRow[]; cosigners: Cosigner[]; cases: LinkedCase[] };
  setData(data: Record<string, unknown>): void;
  searchCosigners(): Promise<void>;
  moreCases(): Promise<void>;
}
/** Not rendered: what each row stands for, to put it on the form when chosen. */
const shownItems = new WeakMap<object, { page: number; byId: Map<string, Cosigner | LinkedCase> }>();

const cosignerRow = (d: { id: string; name: string; delegation: string }) => ({ id: d.id, label: d.name, detail: d.delegation });
const caseRow = (c: LinkedCase) => ({ id: c.id, label: c.title, detail: `受理编号 ${c.receiptNo}` });

export const pickerMethods = {
  onOpenCosigners(this: PickerPage) {
    this.setData({ popup: 'cosigners', query: '', rows: [], rowsState: 'idle', rowsError: '', rowsMore: false });
    return this.searchCosigners();
  },
  onQuery(this: PickerPage, event: { detail: string }) {
    this.setData({ query: event.detail });
  },
  async searchCosigners(this: PickerPage) {
    this.setData({ rowsState: 'loading', rowsError: '' });
    const found = await cosignable(this.data.query);
    if (!found.ok) return this.setData({ rowsState: 'error', rowsError: found.error.message });
    const byId = new Map<string, Cosigner | LinkedCase>(found.data.deputies.map((d) => [d.id, { id: d.id, name: d.name, statusText: '' }]));
    shownItems.set(this, { page: 0, byId });
    const chosen = this.data.cosigners.map((c) => c.id);
    this.setData({ rowsState: 'loaded', rows: pickRows(found.data.deputies, cosignerRow, chosen) });
  },
  onOpenCases(this: PickerPage) {
    this.setData({ popup: 'cases', rows: [], rowsState: 'idle', rowsError: '', rowsMore: false });
    shownItems.set(this, { page: -1, byId: new Map() });
    return this.moreCases();
  },
  async moreCases(this: PickerPage) {
    const shown = shownItems.get(this)!;
    this.setData({ rowsState: 'loading', rowsError: '' });
    const page = await myCases(shown.page + 1);
    if (!page.ok) return this.setData({ rowsState: 'error', rowsError: page.error.message });
    shown.page += 1;
    const fresh = page.data.cases.filter((c) => !shown.byId.has(c.id)).map((c): LinkedCase => ({ id: c.id, receiptNo: c.receiptNo, title: c.title }));
    for (const c of fresh) shown.byId.set(c.id, c);
    const chosen = this.data.cases.map((c) => c.id);
    this.setData({ rowsState: 'loaded', rows: [...this.data.rows, ...pickRows(fresh, caseRow, chosen)], rowsMore: page.data.hasMore });
  },
  onToggle(this: PickerPage, event: { currentTarget: { dataset: { id: string } } }) {
    const id = event.currentTarget.dataset.id;
    const cosigners = this.data.popup === 'cosigners';
    const key = cosigners ? 'cosigners' : 'cases';
    const list: readonly (Cosigner | LinkedCase)[] = this.data[key];
    const max = cosigners ? SUGGESTION_LIMITS.cosigners : SUGGESTION_LIMITS.cases;
    const next = toggled(
      list.map((x) => x.id),
      id,
      max,
      cosigners ? '联名代表' : '关联留言',
    );
    if (next.problem) return wx.showToast({ title: next.problem, icon: 'none' });
    const known = new Map<string, Cosigner | LinkedCase>([...(shownItems.get(this)?.byId ?? []), ...list.map((x): [string, Cosigner | LinkedCase] => [x.id, x])]);
    const index = this.data.rows.findIndex((r) => r.id === id);
    this.setData({ [key]: next.ids.map((x) => known.get(x)!).filter(Boolean), ...(index >= 0 ? { [`rows[${index}].chosen`]: next.ids.includes(id) } : {}) });
  },
  onClosePicker(this: PickerPage) {
    this.setData({ popup: '' });
  },
};
