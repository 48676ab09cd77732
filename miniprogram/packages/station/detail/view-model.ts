/** Shapes one station for the 联络站 page, its digital "五上墙". Pure: unit-tested in test/miniprogram/station-view-model.test.ts. */
import type { DeputyCard, GetStationInput, ReceptionCard, StationDetail } from '../../../../typings/api';
import { decodeScene } from '../../../services/scan';
import { stationPageUrl } from '../../../pages/stations/routes';
import { formatDay, formatHours, kindLabel, nextReceptionText, openNow, shanghaiClock } from '../../../pages/stations/station-format';
import type { OpenState } from '../../../pages/stations/station-format';
import { toFiguresView } from './figures';
import type { FiguresView } from './figures';
import { DEPUTY_LEVEL_LABELS } from '../../../generated/labels';

export interface DeputyView {
  id: string;
  name: string;
  /** Shown in place of a photo: the surname. */
  initial: string;
  photoUrl: string;
  levelLabel: string;
  delegation: string;
  occupation: string;
}

export interface ReceptionView {
  id: string;
  /** '11月25日 周二', or '今天' first when it is today. */
  dayText: string;
  timeText: string;
  deputiesText: string;
  officerName: string;
  officerPhone: string;
  /** A 述职会 (deputies report to the voters; nothing to book), not a reception day. */
  reportMeeting: boolean;
}

export interface StationView {
  id: string;
  name: string;
  kindLabel: string;
  openText: string;
  openState: OpenState;
  address: string;
  hoursLines: string[];
  phone: string;
  nextReceptionText: string;
  officers: { id: string; name: string; phone: string }[];
  deputies: DeputyView[];
  receptions: ReceptionView[];
  rules: string[];
  figures: FiguresView;
}

/** `?id=`, `?code=`, or a scanned mini-program code's `scene` (URL-encoded by WeChat). */
export function stationQuery(options: Record<string, string | undefined>): GetStationInput | null {
  if (options.id) return { id: options.id };
  if (options.code) return { code: options.code };
  const code = options.scene ? decodeScene(options.scene) : null;
  return code ? { code } : null;
}

export function toDeputyView(d: DeputyCard): DeputyView {
  return {
    id: d.id,
    name: d.name,
    initial: Array.from(d.name)[0] ?? '',
    photoUrl: d.photoUrl ?? '',
    levelLabel: DEPUTY_LEVEL_LABELS[d.level],
    delegation: d.delegation,
    occupation: d.occupation,
  };
}

export function toReceptionView(r: ReceptionCard, today: string): ReceptionView {
  return {
    id: r.id,
    dayText: r.date === today ? `今天 ${formatDay(r.date)}` : formatDay(r.date),
    timeText: `${r.start}-${r.end}`,
    deputiesText: r.deputies.map((d) => d.name).join('、') || '待定',
    officerName: r.officer?.name ?? '',
    officerPhone: r.officer?.phone ?? '',
    // Days published before 述职会 existed carry no kind: reception days.
    reportMeeting: r.kind === 'report_meeting',
  };
}

export function toStationView(detail: StationDetail, now: Date): StationView {
  const today = shanghaiClock(now).date;
  const open = openNow(detail.hours, now);
  return {
    id: detail.id,
    name: detail.name,
    kindLabel: kindLabel(detail.kind, detail.sector),
    openText: open.text,
    openState: open.state,
    address: detail.address,
    hoursLines: formatHours(detail.hours),
    phone: detail.phone,
    nextReceptionText: nextReceptionText(detail.receptions[0]?.date ?? detail.nextReceptionDate, today),
    officers: detail.officers.map((o) => ({ id: o.id, name: o.name, phone: o.phone })),
    deputies: detail.deputies.map(toDeputyView),
    receptions: detail.receptions.map((r) => toReceptionView(r, today)),
    rules: detail.rules,
    figures: toFiguresView(detail, detail.figures),
  };
}

/** Shared by code, the form printed on the door and accepted by a scan. */
export function shareOf(detail: Pick<StationDetail, 'name' | 'code'>): { title: string; path: string } {
  return { title: `${detail.name}：找代表、提建议`, path: stationPageUrl({ code: detail.code }) };
}
