/**
 * Rows of 联络站管理. Pure: unit-tested in test/miniprogram/admin-view-models.test.ts.
 */
import type { AdminStation } from '../../../../typings/workspace';
import { kindLabel } from '../../../pages/stations/station-format';

export interface StationRow {
  id: string;
  name: string;
  code: string;
  /** '华富街道 · 莲花北社区' */
  place: string;
  /** '社区联络站', '法律行业联络站' */
  kindText: string;
  /** '联络员：王芳、李强' or '未配联络员' */
  officersText: string;
  /** '代表 5 名' */
  deputiesText: string;
  noOfficer: boolean;
}

export function toStationRow(station: AdminStation): StationRow {
  const officers = station.officers.map((o) => o.name).filter(Boolean);
  return {
    id: station.id,
    name: station.name,
    code: station.code,
    place: [station.street, station.community].filter(Boolean).join(' · '),
    kindText: kindLabel(station.kind, station.sector),
    officersText: officers.length ? `联络员：${officers.join('、')}` : '未配联络员',
    deputiesText: `代表 ${station.deputies} 名`,
    noOfficer: officers.length === 0,
  };
}

export function emptyText(query: string): string {
  return query ? `没有找到与「${query}」有关的联络站` : '还没有联络站，点「新建联络站」添加';
}
