/**
 * WeChat has one RecorderManager for the whole mini-program. Its listeners are wired once per
 * manager and passed on to whoever is recording now (only one can be).
 */
import { RECORD_OPTIONS } from './recording';

export interface RecordingOwner {
  started(): void;
  stopped(result: { tempFilePath: string; duration?: number }): void;
  failed(errMsg: string): void;
}

let wired: WechatMiniprogram.RecorderManager | undefined;
let owner: RecordingOwner | undefined;
/** stop() asked for and onStop not yet come: a second stop would only answer an error. */
let stopping = false;

function stop(recorder: WechatMiniprogram.RecorderManager): void {
  if (stopping) return;
  stopping = true;
  recorder.stop();
}

function manager(): WechatMiniprogram.RecorderManager {
  const recorder = wx.getRecorderManager();
  if (wired === recorder) return recorder;
  wired = recorder;
  recorder.onStart(() => owner?.started());
  recorder.onStop((result) => {
    const who = owner;
    owner = undefined;
    who?.stopped(result);
  });
  recorder.onError(({ errMsg }) => {
    const who = owner;
    owner = undefined;
    who?.failed(errMsg);
  });
  // A phone call or the app going to the background pauses it: end there and keep what was said.
  recorder.onPause(() => stop(recorder));
  return recorder;
}

export function startRecording(who: RecordingOwner): void {
  owner = who;
  stopping = false;
  manager().start({ ...RECORD_OPTIONS });
}

export function stopRecording(who: RecordingOwner): void {
  if (owner === who) stop(manager());
}

/** The recorder goes away mid-recording: stop, and keep nothing. */
export function abandonRecording(who: RecordingOwner): void {
  if (owner !== who) return;
  owner = undefined;
  stop(manager());
}
