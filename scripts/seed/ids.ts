/**
 * Stable document ids and codes. They are derived from the district's structure (street,
 * community index, sector, date), never from a counter over random draws, so re-running the
 * seed finds the same ids and only adds what is missing.
 */
import type { SectorSeed } from './sectors';
import type { StreetSeed } from './streets';
import { compactYmd } from './calendar';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** 'st-ft-hf' (FT = 福田区). */
export const streetStationId = (street: StreetSeed): string => `st-ft-${street.abbr.toLowerCase()}`;

/** 'st-ft-hf-01': the first community station of 华富街道, in streets.ts order. */
export const communityStationId = (street: StreetSeed, index: number): string => `${streetStationId(street)}-${pad(index + 1, 2)}`;

/** 'st-ft-hy-kj' (HY = 行业, sector). */
export const sectorStationId = (sector: SectorSeed): string => `st-ft-hy-${sector.abbr.toLowerCase()}`;

/** The QR code's scene: 'FT-HF-01'. Letters, digits and '-' only, far below the 32-character limit. */
export const stationCode = (stationId: string): string => stationId.replace(/^st-/, '').toUpperCase();

/** The liaison officer who staffs a station day to day: 'sf-ft-hf-01'. */
export const officerIdFor = (stationId: string): string => stationId.replace(/^st-/, 'sf-');

export const deputyId = (ordinal: number): string => `dp-${pad(ordinal, 3)}`;

/** One reception per station and day: 'rc-ft-hf-01-20250610'. */
export const receptionId = (stationId: string, ymd: string): string => `rc-${stationId.replace(/^st-/, '')}-${compactYmd(ymd)}`;
