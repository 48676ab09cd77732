/**
 * 福田区's ten streets (街道), for a resident who does not share their location: they pick
 * their street and we search around its centre. Centres are GCJ-02 (what `station.nearby`
 * and `<map>` use), taken at each street office, where the street's own station stands —
 * good enough to rank stations by distance, not to navigate by.
 */
/** The district these streets make up: its 办理公开 is the one 附近联络站 offers. */
export const DISTRICT = '福田区';

export interface Street {
  name: string;
  latitude: number;
  longitude: number;
}

export const STREETS: readonly Street[] = [
  { name: '园岭街道', latitude: 22.5566, longitude: 114.0912 },
  { name: '南园街道', latitude: 22.5398, longitude: 114.0902 },
  { name: '福田街道', latitude: 22.5277, longitude: 114.0683 },
  { name: '沙头街道', latitude: 22.5282, longitude: 114.0302 },
  { name: '梅林街道', latitude: 22.5703, longitude: 114.0561 },
  { name: '华富街道', latitude: 22.5531, longitude: 114.0792 },
  { name: '香蜜湖街道', latitude: 22.5461, longitude: 114.0302 },
  { name: '莲花街道', latitude: 22.5546, longitude: 114.0562 },
  { name: '华强北街道', latitude: 22.5471, longitude: 114.0861 },
  { name: '福保街道', latitude: 22.5152, longitude: 114.0482 },
];
