import type { AdminStation, PersonView, StationCodeOutput } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { toggled } from '../common/choices';
import { edits, handedStation, handStation } from '../common/handoff';
import { KIND_OPTIONS, SECTOR_OPTIONS } from '../common/labels';
import { offerSettings, openPdf, saveImageToAlbum } from '../common/files';
import { everyPage } from '../common/paging';
import { emptyForm, firstError, formErrors, formOf, fromChosenLocation, LIMITS, mapCentre, NEW_HOURS_ROW, serverErrors, toStationInput, WEEKDAY_OPTIONS } from './view-model';
import type { FieldErrors, StationForm } from './view-model';

type Dataset<D> = { currentTarget: { dataset: D } };
type Officer = { id: string; name: string; note: string };
/** Where a field's error shows: latitude and longitude share one place; the rules text is 'rules'. */
const ERROR_KEYS: Record<string, string> = { latitude: 'position', longitude: 'position', rulesText: 'rules' };
const errorKey = (field: string) => ERROR_KEYS[field] ?? field;

async function open(id: string): Promise<Outcome<{ station?: AdminStation; officers: Officer[] }>> {
  const station = id ? handedStation(id) : undefined;
  if (id && !station) return { ok: false, error: { message: '请从联络站列表重新打开' } };
  const officers = await everyPage<PersonView>((page) =>
    callApi('admin', 'people', { kind: 'officer', page }).then((a) => (a.ok ? { ok: true as const, data: { items: a.data.people, hasMore: a.data.hasMore } } : a)),
  );
  if (!officers.ok) return officers;
  return { ok: true, data: { station, officers: officers.data.map((o) => ({ id: o.id, name: o.name, note: o.stations.map((s) => s.name).join('、') || '暂未负责联络站' })) } };
}

/** 联络站: create or edit a station; once saved, its 小程序码 and printable 海报. */
definePage({
  data: {
    loading: true,
    stationId: '',
    form: emptyForm() as StationForm,
    errors: {} as FieldErrors,
    kinds: KIND_OPTIONS,
    sectors: SECTOR_OPTIONS,
    sectorIndex: -1,
    weekdays: WEEKDAY_OPTIONS,
    limits: LIMITS,
    officers: [] as Officer[],
    saving: false,
    code: null as StationCodeOutput | null,
    codeLoading: false,
    posterLoading: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ stationId: query.id ?? '' });
      wx.setNavigationBarTitle({ title: query.id ? '编辑联络站' : '新建联络站' });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    load() {
      return this.run(
        () => open(this.data.stationId),
        ({ station, officers }) => ({ officers, ...(station ? this.shown(station) : {}) }),
      );
    },
    shown(station: AdminStation) {
      const form = formOf(station);
      return { stationId: station.id, form, sectorIndex: SECTOR_OPTIONS.findIndex((s) => s.value === form.sector) };
    },
    onField(event: { detail: string } & Dataset<{ field: keyof StationForm }>) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${errorKey(field)}`]: '' });
    },
    onKind(event: { detail: StationForm['kind'] }) {
      this.setData({ 'form.kind': event.detail, 'errors.kind': '', 'errors.sector': '', 'errors.community': '' });
    },
    onSector(event: { detail: { value: string | number } }) {
      const index = Number(event.detail.value);
      this.setData({ sectorIndex: index, 'form.sector': SECTOR_OPTIONS[index]?.value ?? '', 'errors.sector': '' });
    },
    onChooseLocation() {
      wx.chooseLocation({
        ...mapCentre(this.data.form),
        success: (chosen) => {
          const place = fromChosenLocation(chosen);
          this.setData({
            'form.latitude': place.latitude,
            'form.longitude': place.longitude,
            'errors.position': '',
            ...(place.address ? { 'form.address': place.address, 'errors.address': '' } : {}),
          });
        },
        fail: ({ errMsg }) => {
          if (!/cancel/.test(errMsg)) wx.showToast({ title: '无法打开地图，可直接填写经纬度', icon: 'none' });
        },
      });
    },
    onWeekdays(event: { detail: string[] } & Dataset<{ index: number }>) {
      this.setData({ [`form.hours[${event.currentTarget.dataset.index}].weekdays`]: event.detail, 'errors.hours': '' });
    },
    onHoursTime(event: { detail: { value: string } } & Dataset<{ index: number; which: 'open' | 'close' }>) {
      const { index, which } = event.currentTarget.dataset;
      this.setData({ [`form.hours[${index}].${which}`]: event.detail.value, 'errors.hours': '' });
    },
    onAddHours() {
      this.setData({ 'form.hours': [...this.data.form.hours, { ...NEW_HOURS_ROW, weekdays: ['6'] }], 'errors.hours': '' });
    },
    onRemoveHours(event: Dataset<{ index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ 'form.hours': this.data.form.hours.filter((_, i) => i !== index), 'errors.hours': '' });
    },
    onOfficers(event: { detail: string[] }) {
      this.setData({ 'form.officerIds': event.detail, 'errors.officers': '' });
    },
    /** A tap anywhere on an officer's row ticks or unticks them; the checkbox itself handles its own (noop). */
    onToggleOfficer(event: Dataset<{ id: string }>) {
      this.setData({ 'form.officerIds': toggled(this.data.form.officerIds, event.currentTarget.dataset.id), 'errors.officers': '' });
    },
    noop() {},
    async onSave() {
      if (this.data.saving) return;
      const errors = formErrors(this.data.form);
      if (firstError(errors)) return this.setData({ errors });
      this.setData({ saving: true, errors: {} });
      const answer = await callApi('admin', 'saveStation', toStationInput(this.data.form, this.data.stationId || undefined));
      if (!answer.ok) return this.setData({ saving: false, errors: serverErrors(answer.error) });
      handStation(answer.data);
      edits.stations += 1;
      this.setData({ saving: false, ...this.shown(answer.data) });
      wx.setNavigationBarTitle({ title: '编辑联络站' });
      wx.showToast({ title: '已保存', icon: 'success' });
    },
    async onStationCode() {
      if (this.data.codeLoading || !this.data.stationId) return;
      this.setData({ codeLoading: true });
      const answer = await callApi('admin', 'stationCode', { stationId: this.data.stationId });
      this.setData({ codeLoading: false, ...(answer.ok ? { code: answer.data } : {}) });
      if (!answer.ok) wx.showToast({ title: answer.error.message, icon: 'none' });
    },
    onPreviewCode() {
      if (this.data.code) wx.previewImage({ urls: [this.data.code.url], current: this.data.code.url });
    },
    async onSaveCode() {
      if (!this.data.code) return;
      const saved = await saveImageToAlbum(this.data.code.url);
      if (saved.ok) wx.showToast({ title: '已保存到相册', icon: 'success' });
      else if (saved.error.code === 'DENIED') offerSettings(saved.error.message, saved.error.hint);
      else if (saved.error.code !== 'CANCELLED') wx.showToast({ title: saved.error.message, icon: 'none' });
    },
    async onPoster() {
      if (this.data.posterLoading || !this.data.stationId) return;
      this.setData({ posterLoading: true });
      const poster = await callApi('admin', 'stationPoster', { stationId: this.data.stationId });
      const opened = poster.ok ? await openPdf(poster.data.url) : poster;
      this.setData({ posterLoading: false });
      if (!opened.ok) wx.showToast({ title: opened.error.message, icon: 'none' });
    },
  },
});
