/**
 * From a scanned code to a station code. Two kinds of code hang on a station's door:
 * our mini-program code (小程序码, `wxacode.getUnlimited` with the station code as `scene`),
 * whose scan gives a `path` such as 'packages/station/detail/index?scene=FT-HF-01', and a
 * plain QR code printing the code itself ('FT-HF-01') or a link carrying it.
 */
import type { Outcome } from './outcome';

/** What `station.get` accepts as a code (backend/functions/station). */
const SCENE_CODE = /^[A-Za-z0-9_-]{1,32}$/;
/** The printed form: district, street and station parts ('FT-HF-01', 'FT-XMH', 'FT-HY-KJ'). */
const PRINTED_CODE = /^[A-Z]{2,4}(?:-[A-Z0-9]{1,6}){1,3}$/i;

const queryParam = (text: string, names: string): string | undefined => new RegExp(`[?&](?:${names})=([^&#]*)`).exec(text)?.[1];

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text).trim();
  } catch {
    return null;
  }
}

/** `options.scene` as the page receives it: URL-encoded by WeChat. */
export function decodeScene(scene: string): string | null {
  const code = decode(scene);
  return code && SCENE_CODE.test(code) ? code : null;
}

export function parseStationCode(scan: { result?: string; path?: string }): string | null {
  // `path` is only present for our own mini-program's code, so its scene is ours to trust.
  const fromPath = scan.path ? queryParam(scan.path, 'scene|code') : undefined;
  if (fromPath !== undefined) return decodeScene(fromPath);
  const result = scan.result?.trim() ?? '';
  // Anything else could be any QR code in the street: take only what looks like our code.
  const candidate = PRINTED_CODE.test(result) ? result : decode(queryParam(result, 'scene|code') ?? '');
  return candidate && PRINTED_CODE.test(candidate) ? candidate.toUpperCase() : null;
}

/**
 * How `wx.scanCode` ended. Tagged rather than told apart by `errMsg`, which WeChat puts on
 * successes too ('scanCode:ok').
 */
export type ScanAnswer = { scanned: { result?: string; path?: string } } | { failed: string };

/**
 * What a scan means for the person: the station to open, why not, or ok with null when they
 * closed the scanner (nothing to say). Pure, so the pages' tests and the type-checks of both
 * tsconfigs can use it; the page calls `wx.scanCode` itself.
 */
export function readScan(answer: ScanAnswer): Outcome<string | null> {
  if ('failed' in answer) {
    return /cancel/i.test(answer.failed) ? { ok: true, data: null } : { ok: false, error: { code: 'SCAN_FAILED', message: '扫码没有成功，请重试' } };
  }
  const code = parseStationCode(answer.scanned);
  return code ? { ok: true, data: code } : { ok: false, error: { code: 'NOT_A_STATION', message: '这不是联络站的二维码', hint: '请扫描联络站门口张贴的二维码' } };
}
