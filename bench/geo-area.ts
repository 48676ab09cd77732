/**
 * Stations across a realistic area: Guangdong province, clustered around its cities in
 * proportion to their size, as liaison stations follow population. Seeded: every run places
 * the same stations and asks from the same points.
 */
import { seededRandom } from './stats';

export type LngLat = [number, number];

/** City centres and a rough weight (population, millions); spread in km. */
const CITIES: { name: string; at: LngLat; weight: number; spreadKm: number }[] = [
  { name: '广州', at: [113.264, 23.129], weight: 18.7, spreadKm: 25 },
  { name: '深圳', at: [114.058, 22.543], weight: 17.6, spreadKm: 20 },
  { name: '东莞', at: [113.752, 23.021], weight: 10.5, spreadKm: 20 },
  { name: '佛山', at: [113.122, 23.029], weight: 9.5, spreadKm: 20 },
  { name: '惠州', at: [114.416, 23.112], weight: 6.0, spreadKm: 30 },
  { name: '湛江', at: [110.359, 21.271], weight: 7.0, spreadKm: 35 },
  { name: '茂名', at: [110.925, 21.663], weight: 6.2, spreadKm: 35 },
  { name: '揭阳', at: [116.373, 23.55], weight: 5.6, spreadKm: 25 },
  { name: '汕头', at: [116.682, 23.354], weight: 5.5, spreadKm: 20 },
  { name: '江门', at: [113.082, 22.579], weight: 4.8, spreadKm: 30 },
  { name: '肇庆', at: [112.465, 23.047], weight: 4.1, spreadKm: 35 },
  { name: '梅州', at: [116.122, 24.289], weight: 3.9, spreadKm: 40 },
  { name: '清远', at: [113.056, 23.682], weight: 4.0, spreadKm: 40 },
  { name: '中山', at: [113.392, 22.517], weight: 4.4, spreadKm: 15 },
  { name: '韶关', at: [113.597, 24.81], weight: 2.9, spreadKm: 40 },
  { name: '河源', at: [114.7, 23.744], weight: 2.8, spreadKm: 40 },
  { name: '阳江', at: [111.983, 21.858], weight: 2.6, spreadKm: 30 },
  { name: '潮州', at: [116.622, 23.657], weight: 2.6, spreadKm: 20 },
  { name: '汕尾', at: [115.375, 22.786], weight: 2.7, spreadKm: 30 },
  { name: '云浮', at: [112.044, 22.915], weight: 2.4, spreadKm: 30 },
  { name: '珠海', at: [113.577, 22.271], weight: 2.4, spreadKm: 15 },
];
/** Guangdong's bounding box: anything a spread throws outside is pulled back in. */
const BOX = { west: 109.66, east: 117.32, south: 20.22, north: 25.52 };
const totalWeight = CITIES.reduce((sum, c) => sum + c.weight, 0);

/** An endless, seeded stream of points: a city by weight, then a normal spread around it. */
export function pointsAround(seed: number): () => LngLat {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return () => {
    let pick = random() * totalWeight;
    const city = CITIES.find((c) => (pick -= c.weight) <= 0) ?? CITIES[0];
    const kmPerDegLng = 111.32 * Math.cos((city.at[1] * Math.PI) / 180);
    const lng = city.at[0] + (normal() * city.spreadKm) / kmPerDegLng;
    const lat = city.at[1] + (normal() * city.spreadKm) / 110.57;
    return [clamp(lng, BOX.west, BOX.east), clamp(lat, BOX.south, BOX.north)];
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Great-circle distance in metres, on the emulator's sphere (so the scan and geoNear agree). */
export function haversineMeters([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_378_100 * Math.asin(Math.min(1, Math.sqrt(a)));
}
