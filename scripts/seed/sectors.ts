/**
 * Sector stations (行业联络站, `004`): they gather deputies by profession across the whole
 * district. Each is hosted in one street so it still has an address and a map pin.
 */
import type { StationSector } from '../../typings/models';
import type { LngLat } from './geo';

export interface SectorSeed {
  sector: StationSector;
  /** Code part, pinyin initials, e.g. 'KJ' → FT-HY-KJ (HY = 行业). */
  abbr: string;
  name: string;
  /** Host street, by full name as in streets.ts. */
  street: string;
  location: LngLat;
  address: string;
}

export const SECTORS: readonly SectorSeed[] = [
  {
    sector: 'technology',
    abbr: 'KJ',
    name: '福田区科技创新行业人大代表联络站',
    street: '沙头街道',
    location: { lng: 114.0421, lat: 22.5346 },
    address: '福田区沙头街道泰然九路6号科创服务中心二楼',
  },
  {
    sector: 'education',
    abbr: 'JY',
    name: '福田区教育行业人大代表联络站',
    street: '园岭街道',
    location: { lng: 114.0903, lat: 22.5541 },
    address: '福田区园岭街道百花二路12号教育服务中心一楼',
  },
  {
    sector: 'health',
    abbr: 'YW',
    name: '福田区医疗卫生行业人大代表联络站',
    street: '莲花街道',
    location: { lng: 114.0501, lat: 22.5579 },
    address: '福田区莲花街道景田北路18号健康服务中心一楼',
  },
  {
    sector: 'law',
    abbr: 'FL',
    name: '福田区法律行业人大代表联络站',
    street: '福田街道',
    location: { lng: 114.0619, lat: 22.5331 },
    address: '福田区福田街道福华三路66号公共法律服务中心一楼',
  },
  {
    sector: 'enterprise',
    abbr: 'QY',
    name: '福田区企业家行业人大代表联络站',
    street: '华强北街道',
    location: { lng: 114.0849, lat: 22.5438 },
    address: '福田区华强北街道振华路56号商会服务中心四楼',
  },
];
