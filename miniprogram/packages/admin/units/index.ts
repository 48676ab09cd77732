import type { UnitView } from '../../../../typings/unit';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { edits, handPerson, handUnit } from '../common/handoff';
import { listLoading } from '../common/list-page';
import type { ListSession } from '../common/list-page';
import { EMPTY_TEXT, toUnitCard, unitStaffPerson } from './view-model';
import type { UnitCard } from './view-model';

type Session = ListSession<UnitView>;

const { sessions, methods: loading } = listLoading<UnitView, Session>({
  key: 'units',
  // A district keeps a few dozen units: one answer holds them all.
  fetch: async () => {
    const answer = await callApi('admin', 'units', {});
    return answer.ok ? { ok: true, data: { items: answer.data.units, hasMore: false } } : answer;
  },
  toRow: toUnitCard,
  edits: 'units',
});

/** 承办单位: the units that answer deputies' suggestions, their staff, and a way to each one's invite code. */
definePage({
  data: {
    loading: true,
    units: [] as UnitCard[],
    hasMore: false,
    loadingMore: false,
    emptyText: EMPTY_TEXT,
  },
  methods: {
    onLoad() {
      sessions.set(this, { records: [], query: '', asked: 0, seenEdits: edits.units });
      return this.load();
    },
    ...loading,
    unitAt(index: number): UnitView | undefined {
      return sessions.get(this)?.records[index];
    },
    onCreate() {
      wx.navigateTo({ url: '/packages/admin/unit/index' });
    },
    onEditUnit(event: { currentTarget: { dataset: { index: number } } }) {
      const unit = this.unitAt(Number(event.currentTarget.dataset.index));
      if (!unit) return;
      handUnit(unit);
      wx.navigateTo({ url: `/packages/admin/unit/index?id=${encodeURIComponent(unit.id)}` });
    },
    /** A staff member opens on 人员, where their invite code and unbinding are, as for an officer. */
    onOpenStaff(event: { currentTarget: { dataset: { index: number; staff: string } } }) {
      const unit = this.unitAt(Number(event.currentTarget.dataset.index));
      const person = unit && unitStaffPerson(unit, event.currentTarget.dataset.staff);
      if (!unit || !person) return;
      handUnit(unit);
      handPerson(person);
      wx.navigateTo({ url: `/packages/admin/person/index?kind=unit&unitId=${encodeURIComponent(unit.id)}&id=${encodeURIComponent(person.id)}` });
    },
    onAddStaff(event: { currentTarget: { dataset: { index: number } } }) {
      const unit = this.unitAt(Number(event.currentTarget.dataset.index));
      if (!unit) return;
      handUnit(unit);
      wx.navigateTo({ url: `/packages/admin/person/index?kind=unit&unitId=${encodeURIComponent(unit.id)}` });
    },
  },
});
