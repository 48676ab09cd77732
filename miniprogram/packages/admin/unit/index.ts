import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { edits, handedUnit, handUnit } from '../common/handoff';
import { EMPTY_UNIT_FORM, LIMITS, toSaveUnitInput, UNIT_KIND_OPTIONS, unitFormErrors, unitFormOf, unitPageTitle, unitServerErrors } from './view-model';
import type { UnitFieldErrors, UnitForm } from './view-model';

function open(id: string): Promise<Outcome<UnitForm>> {
  if (!id) return Promise.resolve({ ok: true, data: { ...EMPTY_UNIT_FORM } });
  const unit = handedUnit(id);
  return Promise.resolve(unit ? { ok: true, data: unitFormOf(unit) } : { ok: false, error: { message: '请从承办单位列表重新打开' } });
}

/** 新增 / 编辑承办单位: its name (unique in the district) and kind. Its staff are added on the list. */
definePage({
  data: {
    loading: true,
    unitId: '',
    form: { ...EMPTY_UNIT_FORM } as UnitForm,
    errors: {} as UnitFieldErrors,
    kinds: UNIT_KIND_OPTIONS,
    limits: LIMITS,
    saving: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const unitId = query.id ?? '';
      this.setData({ unitId });
      wx.setNavigationBarTitle({ title: unitPageTitle(!unitId) });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    load() {
      return this.run(
        () => open(this.data.unitId),
        (form) => ({ form }),
      );
    },
    onName(event: { detail: string }) {
      this.setData({ 'form.name': event.detail, 'errors.name': '' });
    },
    onKind(event: { detail: UnitForm['kind'] }) {
      this.setData({ 'form.kind': event.detail, 'errors.kind': '' });
    },
    async onSave() {
      const { form, unitId, saving } = this.data;
      if (saving) return;
      const errors = unitFormErrors(form);
      if (Object.values(errors).some(Boolean)) return this.setData({ errors });
      this.setData({ saving: true, errors: {} });
      const answer = await callApi('admin', 'saveUnit', toSaveUnitInput(form, unitId || undefined));
      this.setData({ saving: false });
      if (!answer.ok) return this.setData({ errors: unitServerErrors(answer.error) });
      handUnit(answer.data);
      edits.units += 1;
      this.setData({ unitId: answer.data.id, form: unitFormOf(answer.data) });
      wx.setNavigationBarTitle({ title: unitPageTitle(false) });
      wx.showToast({ title: '已保存', icon: 'success' });
    },
  },
});
