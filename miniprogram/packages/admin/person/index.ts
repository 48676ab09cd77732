import type { AdminStation, PersonView } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { toggled } from '../common/choices';
import { edits, handedPerson, handedUnit, handPerson, handUnit } from '../common/handoff';
import { newStaffOf, unitStaffPerson } from '../units/view-model';
import { everyPage } from '../common/paging';
import {
  EMPTY_FORM,
  firstError,
  formErrors,
  formOf,
  inviteCard,
  LEVEL_OPTIONS,
  LIMITS,
  pageTitle,
  serverErrors,
  toDeputyInput,
  toOfficerInput,
  toUnitStaffInput,
} from './view-model';
import type { FieldErrors, InviteCard, PersonForm, PersonKind } from './view-model';

type StationOption = { id: string; name: string };
type Opened = { person?: PersonView; stations: StationOption[] };
const KINDS: readonly PersonKind[] = ['deputy', 'officer', 'admin', 'unit'];

async function open(id: string, kind: PersonKind, unitId: string): Promise<Outcome<Opened>> {
  const person = id ? handedPerson(id) : undefined;
  if (id && !person) return { ok: false, error: { message: '请从人员列表重新打开' } };
  // Office staff are not edited here: only their binding is.
  if (kind === 'admin') return { ok: true, data: { person, stations: [] } };
  // A unit's staff have no stations; they belong to the unit the list handed over.
  if (kind === 'unit') return handedUnit(unitId) ? { ok: true, data: { person, stations: [] } } : { ok: false, error: { message: '请从承办单位列表重新打开' } };
  const stations = await everyPage<AdminStation>((page) =>
    callApi('admin', 'stations', { page }).then((a) => (a.ok ? { ok: true as const, data: { items: a.data.stations, hasMore: a.data.hasMore } } : a)),
  );
  return stations.ok ? { ok: true, data: { person, stations: stations.data.map((s) => ({ id: s.id, name: s.name })) } } : stations;
}

/** 人员: edit a deputy, a liaison officer or a unit's staff member; once saved, give them an invite code, or unbind their WeChat. */
definePage({
  data: {
    loading: true,
    personId: '',
    kind: 'deputy' as PersonKind,
    /** A unit's staff member: the unit (承办单位) they answer for. */
    unitId: '',
    unitName: '',
    detail: '',
    bound: false,
    form: { ...EMPTY_FORM } as PersonForm,
    errors: {} as FieldErrors,
    levels: LEVEL_OPTIONS,
    levelIndex: -1,
    limits: LIMITS,
    stations: [] as StationOption[],
    saving: false,
    inviting: false,
    invite: null as InviteCard | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const kind = KINDS.find((k) => k === query.kind) ?? 'deputy';
      const unitId = kind === 'unit' ? (query.unitId ?? '') : '';
      this.setData({ personId: query.id ?? '', kind, unitId, unitName: handedUnit(unitId)?.name ?? '' });
      wx.setNavigationBarTitle({ title: pageTitle(kind, !query.id) });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    load() {
      return this.run(
        () => open(this.data.personId, this.data.kind, this.data.unitId),
        ({ person, stations }) => ({ stations, ...(person ? this.shown(person) : {}) }),
      );
    },
    shown(person: PersonView) {
      const form = formOf(person);
      return { personId: person.id, detail: person.detail, bound: person.bound, form, levelIndex: LEVEL_OPTIONS.findIndex((l) => l.value === form.level) };
    },
    onField(event: { detail: string; currentTarget: { dataset: { field: keyof PersonForm } } }) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
    },
    onLevel(event: { detail: { value: string | number } }) {
      const index = Number(event.detail.value);
      this.setData({ levelIndex: index, 'form.level': LEVEL_OPTIONS[index]?.value ?? '', 'errors.level': '' });
    },
    onStations(event: { detail: string[] }) {
      this.setData({ 'form.stationIds': event.detail, 'errors.stations': '' });
    },
    /** A tap anywhere on a station's row ticks or unticks it. */
    onToggleStation(event: { currentTarget: { dataset: { id: string } } }) {
      this.setData({ 'form.stationIds': toggled(this.data.form.stationIds, event.currentTarget.dataset.id), 'errors.stations': '' });
    },
    /** The checkbox inside a row handles its own tap: the row must not tick it a second time. */
    noop() {},
    /** Saved or unbound: the list shows it when it comes back. */
    changed(person: PersonView) {
      handPerson(person);
      edits.people += 1;
      if (person.kind === 'unit') edits.units += 1;
      this.setData(this.shown(person));
    },
    async onSave() {
      const { kind, form, personId, saving } = this.data;
      if (saving || kind === 'admin') return;
      const errors = formErrors(kind, form);
      if (firstError(errors)) return this.setData({ errors });
      this.setData({ saving: true, errors: {} });
      const id = personId || undefined;
      const answer =
        kind === 'unit'
          ? await this.saveUnitStaff(form, id)
          : kind === 'deputy'
            ? await callApi('admin', 'saveDeputy', toDeputyInput(form, id))
            : await callApi('admin', 'saveOfficer', toOfficerInput(form, id));
      this.setData({ saving: false });
      if (!answer.ok) return this.setData({ errors: serverErrors(answer.error) });
      this.changed(answer.data);
      wx.setNavigationBarTitle({ title: pageTitle(kind, false) });
      wx.showToast({ title: '已保存', icon: 'success' });
    },
    /** admin.saveUnitStaff answers the whole unit: the person saved is the one of this id, or the one it did not have before. */
    async saveUnitStaff(form: PersonForm, id: string | undefined): Promise<Outcome<PersonView>> {
      const { unitId } = this.data;
      const before = handedUnit(unitId);
      const answer = await callApi('admin', 'saveUnitStaff', toUnitStaffInput(form, unitId, id));
      if (!answer.ok) return answer;
      handUnit(answer.data);
      const person = unitStaffPerson(answer.data, id ?? newStaffOf(before, answer.data) ?? '');
      return person ? { ok: true, data: person } : { ok: false, error: { message: '已保存，请返回承办单位列表查看' } };
    },
    async onInvite() {
      const { kind, personId, inviting } = this.data;
      if (inviting || !personId) return;
      this.setData({ inviting: true });
      const answer = await callApi('admin', 'createInvite', { role: kind, personId });
      this.setData({ inviting: false, ...(answer.ok ? { invite: inviteCard(answer.data, now()) } : {}) });
      if (!answer.ok) wx.showToast({ title: answer.error.message, icon: 'none' });
    },
    onCopyInvite() {
      if (this.data.invite) wx.setClipboardData({ data: this.data.invite.code });
    },
    async onUnbind() {
      const { personId, form } = this.data;
      const { confirm } = await wx.showModal({
        title: '解除绑定',
        content: `解除后，${form.name}的微信将不能再以此身份使用工作台，直到用新的邀请码重新绑定。`,
        confirmText: '解除绑定',
        confirmColor: '#c41a16',
      });
      if (!confirm) return;
      const answer = await callApi('admin', 'unbind', { personId });
      if (!answer.ok) return wx.showToast({ title: answer.error.message, icon: 'none' });
      this.changed(answer.data);
      wx.showToast({ title: '已解除绑定', icon: 'success' });
    },
  },
});
