/** Shapes one station for the 联络站 page, its digital "五上墙". Pure: unit-tested in test/miniprogram/station-view-model.test.ts. */
import type { DeputyCard, GetStationInput, ReceptionCard, StationDetail } from '../../../../typings/api';
import type { EventRecap } from '../../../../typings/event';
import { decodeScene } from '../../../services/scan';
import { stationPageUrl } from '../../../pages/stations/routes';
import { formatDay, formatHours, kindLabel, nextReceptionText, openNow, shanghaiClock } from '../../../pages/stations/station-format';
import type { OpenState } from '../../../pages/stations/station-format';
import { toFiguresView } from './figures';
import type { FiguresView } from './figures';
import { DEPUTY_LEVEL_LABELS } from '../../../generated/labels';
import { EVENT_KIND_LABELS } from '../../../generated/rules';

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
  /** A 代表论坛 / 约见: its name and topic; the card opens the event's page. Null for the other kinds. */
  event: { label: string; topic: string } | null;
}

/** 活动回顾: an event that happened, as the station page lists it. */
export interface RecapView {
  id: string;
  label: string;
  topic: string;
  dayText: string;
  /** The summary's first lines (the event page has the rest). */
  excerpt: string;
  photosText: string;
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
  recaps: RecapView[];
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
    event: (r.kind === 'forum' || r.kind === 'meeting') && r.topic ? { label: EVENT_KIND_LABELS[r.kind], topic: r.topic } : null,
  };
}

const EXCERPT_CHARS = 60;

export function toRecapView(recap: EventRecap): RecapView {
  const chars = Array.from(recap.summary);
  return {
    id: recap.id,
    label: recap.kindLabel,
    topic: recap.topic,
    dayText: formatDay(recap.date),
    excerpt: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : recap.summary,
    photosText: recap.photoCount ? `${recap.photoCount} 张照片` : '',
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
    recaps: (detail.recaps ?? []).map(toRecapView),
  };
}

/** Shared by code, the form printed on the door and accepted by a scan. */
export function shareOf(detail: Pick<StationDetail, 'name' | 'code'>): { title: string; path: string } {
  return { title: `${detail.name}：找代表、提建议`, path: stationPageUrl({ code: detail.code }) };
}
