/** What the voice player says and shows. Pure: unit-tested in test/miniprogram/voice-components.test.ts. */

/** Whole seconds, as the person hears them named: "12 秒". */
export function secondsText(durationSec: number): string {
  return `${Math.max(0, Math.round(durationSec))} 秒`;
}

/** The button's name for a screen reader: what a tap will do, and how long the voice is. */
export function playerAriaLabel(playing: boolean, durationSec: number): string {
  return `${playing ? '暂停语音' : '播放语音'}，${Math.max(0, Math.round(durationSec))}秒`;
}

/** The button's visible text: the length, and while playing how far it has got. */
export function playerText(playing: boolean, positionSec: number, durationSec: number): string {
  if (!playing) return `语音 ${secondsText(durationSec)}`;
  return `正在播放 ${Math.min(Math.floor(positionSec), Math.round(durationSec))} / ${secondsText(durationSec)}`;
}
