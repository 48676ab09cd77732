/**
 * The ten streets (街道) of 福田区 and a few real community (社区) names in each.
 * Coordinates are plausible GCJ-02 centres, not surveyed ones: good enough for
 * "nearest station" demos, never for navigation. Addresses are made up in the local style;
 * `{n}` is replaced by a building or house number.
 */
import type { LngLat } from './geo';

export interface CommunitySeed {
  /** Without the 社区 suffix, e.g. '莲花北'. */
  name: string;
  centre: LngLat;
  address: string;
  /** Former urban village (城中村) with a shareholding company (股份合作公司). */
  village?: boolean;
}

export interface StreetSeed {
  /** Full name, e.g. '华富街道'. */
  name: string;
  /** How people abbreviate it in constituency names, e.g. '华富' in '华富选区'. */
  short: string;
  /** Upper-case pinyin initials for codes, e.g. 'HF' → FT-HF-01. */
  abbr: string;
  /** The street office (街道办), where the street station sits. */
  office: LngLat;
  officeAddress: string;
  communities: CommunitySeed[];
}

export const DISTRICT = '福田区';

export const STREETS: readonly StreetSeed[] = [
  {
    name: '园岭街道',
    short: '园岭',
    abbr: 'YL',
    office: { lng: 114.0912, lat: 22.5566 },
    officeAddress: '福田区园岭街道红荔路1018号园岭街道党群服务中心三楼',
    communities: [
      { name: '百花', centre: { lng: 114.0926, lat: 22.5528 }, address: '福田区园岭街道百花五路{n}号百花社区党群服务中心二楼' },
      { name: '八卦岭', centre: { lng: 114.0885, lat: 22.5618 }, address: '福田区园岭街道八卦岭宿舍区{n}栋一楼' },
      { name: '长城', centre: { lng: 114.0921, lat: 22.5492 }, address: '福田区园岭街道长城花园{n}栋一楼' },
    ],
  },
  {
    name: '南园街道',
    short: '南园',
    abbr: 'NY',
    office: { lng: 114.0902, lat: 22.5398 },
    officeAddress: '福田区南园街道南园路112号南园街道党群服务中心二楼',
    communities: [
      { name: '南华', centre: { lng: 114.0918, lat: 22.5423 }, address: '福田区南园街道南华村{n}栋一楼' },
      { name: '滨江', centre: { lng: 114.0874, lat: 22.5318 }, address: '福田区南园街道滨江新村{n}栋一楼' },
      { name: '巴登', centre: { lng: 114.0858, lat: 22.5392 }, address: '福田区南园街道巴登街{n}号巴登社区党群服务中心一楼' },
    ],
  },
  {
    name: '福田街道',
    short: '福田',
    abbr: 'FT',
    office: { lng: 114.0683, lat: 22.5277 },
    officeAddress: '福田区福田街道福民路138号福田街道党群服务中心三楼',
    communities: [
      { name: '岗厦', centre: { lng: 114.0662, lat: 22.5352 }, address: '福田区福田街道岗厦村{n}栋一楼', village: true },
      { name: '皇岗', centre: { lng: 114.0641, lat: 22.5228 }, address: '福田区福田街道皇岗村{n}栋一楼', village: true },
      { name: '水围', centre: { lng: 114.0592, lat: 22.5213 }, address: '福田区福田街道水围村{n}栋一楼', village: true },
    ],
  },
  {
    name: '沙头街道',
    short: '沙头',
    abbr: 'ST',
    office: { lng: 114.0302, lat: 22.5282 },
    officeAddress: '福田区沙头街道沙嘴路8号沙头街道党群服务中心二楼',
    communities: [
      { name: '下沙', centre: { lng: 114.0283, lat: 22.5232 }, address: '福田区沙头街道下沙村{n}栋一楼', village: true },
      { name: '上沙', centre: { lng: 114.0338, lat: 22.5241 }, address: '福田区沙头街道上沙村{n}栋一楼', village: true },
      { name: '天安', centre: { lng: 114.0398, lat: 22.5338 }, address: '福田区沙头街道泰然四路{n}号天安社区党群服务中心一楼' },
    ],
  },
  {
    name: '梅林街道',
    short: '梅林',
    abbr: 'ML',
    office: { lng: 114.0561, lat: 22.5703 },
    officeAddress: '福田区梅林街道梅华路105号梅林街道党群服务中心三楼',
    communities: [
      { name: '上梅林', centre: { lng: 114.0622, lat: 22.5712 }, address: '福田区梅林街道上梅林新村{n}栋一楼', village: true },
      { name: '孖岭', centre: { lng: 114.0443, lat: 22.5718 }, address: '福田区梅林街道孖岭村{n}栋一楼', village: true },
    ],
  },
  {
    name: '华富街道',
    short: '华富',
    abbr: 'HF',
    office: { lng: 114.0792, lat: 22.5531 },
    officeAddress: '福田区华富街道华富路1006号华富街道党群服务中心二楼',
    communities: [
      { name: '莲花北', centre: { lng: 114.0708, lat: 22.5584 }, address: '福田区华富街道莲花北村{n}栋一楼' },
      { name: '田面', centre: { lng: 114.0796, lat: 22.5466 }, address: '福田区华富街道田面村{n}栋一楼', village: true },
      { name: '黄木岗', centre: { lng: 114.0848, lat: 22.5588 }, address: '福田区华富街道黄木岗小区{n}栋一楼' },
    ],
  },
  {
    name: '香蜜湖街道',
    short: '香蜜湖',
    abbr: 'XMH',
    office: { lng: 114.0302, lat: 22.5461 },
    officeAddress: '福田区香蜜湖街道香梅路1061号香蜜湖街道党群服务中心二楼',
    communities: [
      { name: '竹林', centre: { lng: 114.0262, lat: 22.5418 }, address: '福田区香蜜湖街道竹子林{n}栋一楼' },
      { name: '侨香', centre: { lng: 114.0223, lat: 22.5487 }, address: '福田区香蜜湖街道侨香路{n}号侨香社区党群服务中心一楼' },
    ],
  },
  {
    name: '莲花街道',
    short: '莲花',
    abbr: 'LH',
    office: { lng: 114.0562, lat: 22.5546 },
    officeAddress: '福田区莲花街道新洲路2008号莲花街道党群服务中心三楼',
    communities: [
      { name: '景田', centre: { lng: 114.0452, lat: 22.5561 }, address: '福田区莲花街道景田北街{n}号景田社区党群服务中心一楼' },
      { name: '彩田', centre: { lng: 114.0628, lat: 22.5552 }, address: '福田区莲花街道彩田村{n}栋一楼' },
      { name: '狮岭', centre: { lng: 114.0582, lat: 22.5603 }, address: '福田区莲花街道狮岭小区{n}栋一楼' },
    ],
  },
  {
    name: '华强北街道',
    short: '华强北',
    abbr: 'HQB',
    office: { lng: 114.0861, lat: 22.5471 },
    officeAddress: '福田区华强北街道华发北路36号华强北街道党群服务中心二楼',
    communities: [
      { name: '华航', centre: { lng: 114.0852, lat: 22.5506 }, address: '福田区华强北街道华航小区{n}栋一楼' },
      { name: '荔村', centre: { lng: 114.0828, lat: 22.5441 }, address: '福田区华强北街道荔村{n}栋一楼' },
    ],
  },
  {
    name: '福保街道',
    short: '福保',
    abbr: 'FB',
    office: { lng: 114.0482, lat: 22.5152 },
    officeAddress: '福田区福保街道桂花路9号福保街道党群服务中心二楼',
    communities: [
      { name: '石厦', centre: { lng: 114.0471, lat: 22.5212 }, address: '福田区福保街道石厦村{n}栋一楼', village: true },
      { name: '益田', centre: { lng: 114.0542, lat: 22.5161 }, address: '福田区福保街道益田村{n}栋一楼' },
    ],
  },
];
