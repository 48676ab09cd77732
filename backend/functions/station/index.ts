import { shanghaiDate } from '../../domain/calendar';
import { number, object, optional, text } from '../../domain/validation';
import { database } from '../../platform/cloudbase';
import { ANYONE, defineApi } from '../define-api';
import { nearbyStations, searchStations, stationDetail } from '../../use-cases/stations';
import { BOARD_INPUT, PUBLIC_CASE_INPUT } from '../../domain/board';
import { publicCase, stationBoard } from '../../use-cases/board';

/** Public station information: anyone may call it, signed in or not. */
export const main = defineApi({
  nearby: {
    allow: ANYONE,
    input: object({
      latitude: number('纬度', { min: -90, max: 90 }),
      longitude: number('经度', { min: -180, max: 180 }),
      maxDistance: optional(number('搜索范围', { min: 100, max: 50000 })),
      page: optional(number('页码', { min: 0, max: 500, integer: true })),
    }),
    run: (input) => nearbyStations(database(), input, shanghaiDate(new Date())),
  },
  search: {
    allow: ANYONE,
    input: object({
      query: text('搜索内容', { min: 1, max: 30 }),
      latitude: optional(number('纬度', { min: -90, max: 90 })),
      longitude: optional(number('经度', { min: -180, max: 180 })),
      page: optional(number('页码', { min: 0, max: 500, integer: true })),
    }),
    run: (input) => searchStations(database(), input, shanghaiDate(new Date())),
  },
  get: {
    allow: ANYONE,
    input: object({
      id: optional(text('联络站编号', { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ })),
      code: optional(text('联络站二维码', { min: 1, max: 32, pattern: /^[A-Za-z0-9_-]+$/ })),
    }),
    run: (input) => stationDetail(database(), input, shanghaiDate(new Date())),
  },
  // 办理公开: closed cases whose residents allowed it, anonymised, and the monthly figures.
  board: { allow: ANYONE, input: BOARD_INPUT, run: (input) => stationBoard(database(), input, shanghaiDate(new Date())) },
  // One public case (a share card's page); a private one answers exactly like a missing one.
  publicCase: { allow: ANYONE, input: PUBLIC_CASE_INPUT, run: (input, caller) => publicCase(database(), input.caseId, caller.openid || undefined) },
});
