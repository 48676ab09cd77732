/**
 * What the emulator's "mini-program code" encodes. Real wxacodes are WeChat's round codes
 * that only WeChat can read; locally we draw a plain QR code holding this URL, so any
 * scanner (or jsQR in a test) reads back the page and the scene. The `.invalid` host
 * (RFC 2606) makes sure nobody mistakes it for a real WeChat link.
 */
export const WXACODE_ORIGIN = 'https://wxacode.emulator.invalid/';

export interface WxacodeTarget {
  /** '' for the home page, as when `page` is not given. */
  page: string;
  scene: string;
  envVersion: string;
}

export function wxacodeText(target: WxacodeTarget): string {
  const query = new URLSearchParams({ page: target.page, scene: target.scene, env_version: target.envVersion });
  return `${WXACODE_ORIGIN}?${query}`;
}

/** The target of a scanned emulator code; null for anything else. */
export function readWxacodeText(text: string): WxacodeTarget | null {
  if (!text.startsWith(WXACODE_ORIGIN)) return null;
  const query = new URL(text).searchParams;
  const scene = query.get('scene');
  if (scene === null) return null;
  return { page: query.get('page') ?? '', scene, envVersion: query.get('env_version') ?? 'release' };
}
