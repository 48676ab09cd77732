/** Shapes nearby stations for display. Pure: unit-tested in test/miniprogram/. */
import type { StationSummary } from '../../../typings/api';
import type { StationKind, StationSector } from '../../../typings/models';

export interface StationItem {
  id: string;
  name: string;
  address: string;
  kindLabel: string;
  /** '850米', '2.3公里'; '' when the distance is unknown. */
  distanceText: string;
  /** '3月10日接待日'; '' when none is scheduled. */
  receptionText: string;
}

const KIND_LABELS: Record<StationKind, string> = {
  street: '街道联络站',
  community: '社区联络站',
  sector: '行业联络站',
};

const SECTOR_LABELS: Record<StationSector, string> = {
  technology: '科技',
  education: '教育',
  health: '医疗卫生',
  law: '法律',
  enterprise: '企业',
};

/** Metres under a kilometre in whole metres, then kilometres with one decimal (none from 100 km). */
export function formatDistance(metres: number | undefined): string {
  if (metres === undefined || !Number.isFinite(metres) || metres < 0) return '';
  const rounded = Math.round(metres);
  if (rounded < 1000) return `${rounded}米`;
  const km = rounded / 1000;
  const text = km >= 100 ? String(Math.round(km)) : km.toFixed(1).replace(/\.0$/, '');
  return `${text}公里`;
}

export function kindLabel(kind: StationKind, sector?: StationSector): string {
  return kind === 'sector' && sector ? `${SECTOR_LABELS[sector]}${KIND_LABELS.sector}` : KIND_LABELS[kind];
}

/** 'YYYY-MM-DD' → '3月10日接待日'. */
export function receptionText(date: string | undefined): string {
  const match = date ? /^\d{4}-(\d{2})-(\d{2})$/.exec(date) : null;
  return match ? `${Number(match[1])}月${Number(match[2])}日接待日` : '';
}

export function toStationItems(stations: StationSummary[]): StationItem[] {
  return stations.map((s) => ({
    id: s.id,
    name: s.name,
    address: s.address,
    kindLabel: kindLabel(s.kind, s.sector),
    distanceText: formatDistance(s.distance),
    receptionText: receptionText(s.nextReceptionDate),
  }));
}
