/**
 * The voice recorder's rules and words. Pure: unit-tested in test/miniprogram/voice-components.test.ts.
 * Tap to start, tap to stop (holding a button down is hard for older hands), at most a minute.
 */
import { VOICE_LIMITS } from '../../generated/rules';

/** The longest message the server takes. */
export const MAX_VOICE_SEC = VOICE_LIMITS.maxSec;

/** wx.getRecorderManager().start: WeChat itself stops at `duration`; mono speech at 16 kHz is about 6 KB a second. */
export const RECORD_OPTIONS = {
  duration: MAX_VOICE_SEC * 1000,
  format: 'mp3',
  sampleRate: 16000,
  numberOfChannels: 1,
  encodeBitRate: 48000,
} as const;

/** A recording that is uploaded: the file id the server takes, the local file to play back, its length. */
export interface StoredVoice {
  fileId: string;
  url: string;
  durationSec: number;
}

/** idle: nothing recorded; ready: uploaded; failed: recorded, but the upload failed (retry or delete). */
export type RecorderPhase = 'idle' | 'recording' | 'uploading' | 'ready' | 'failed';

/** What the page learns on every change: where the recorder is, and the voice once uploaded. */
export interface VoiceSummary {
  phase: RecorderPhase;
  voice: StoredVoice | null;
}

export const NO_VOICE: VoiceSummary = { phase: 'idle', voice: null };

/** Why a recording could not start or went wrong, each told differently. */
export type RecordFailure = 'denied' | 'system' | 'privacy' | 'failed' | 'tooShort';

export const FAILURE_TEXT: Readonly<Record<RecordFailure, string>> = {
  denied: '录音需要使用麦克风，您还没有允许。可以点下面的按钮，在设置里打开「麦克风」；也可以直接打字留言。',
  system: '手机没有允许微信使用麦克风。请在手机的「设置」里允许微信使用麦克风，或直接打字留言。',
  privacy: '您没有同意隐私保护指引，暂时不能录音；可以直接打字留言。',
  failed: '录音没有成功，请再点一次「开始录音」。',
  tooShort: '录音太短了，请点「开始录音」，说完再点「停止录音」。',
};

/** WeChat tells every cause only in errMsg (wx.authorize's fail, or the recorder's onError). */
export function recordFailure(errMsg: string): RecordFailure {
  if (/privacy/i.test(errMsg)) return 'privacy';
  if (/system permission|system auth/i.test(errMsg)) return 'system';
  if (/auth|deny|denied|permission/i.test(errMsg)) return 'denied';
  return 'failed';
}

/** Whole seconds the server takes (1–60); 0 for a tap too short to hold a word. */
export function durationSecOf(ms: number): number {
  if (!(ms >= VOICE_LIMITS.minSec * 1000)) return 0;
  return Math.min(MAX_VOICE_SEC, Math.round(ms / 1000));
}

/** 0:07, 1:00 */
export function clockText(sec: number): string {
  const whole = Math.max(0, Math.floor(sec));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The running clock while recording, against the limit: "0:12 / 1:00". */
export function recordingClock(elapsedSec: number): string {
  return `${clockText(Math.min(elapsedSec, MAX_VOICE_SEC))} / ${clockText(MAX_VOICE_SEC)}`;
}

/** Under the clock: how to finish, and near the end how long is left. */
export function recordingHint(elapsedSec: number): string {
  const left = MAX_VOICE_SEC - Math.floor(elapsedSec);
  return left <= 10 ? `还能录 ${Math.max(0, left)} 秒，到时自动停止` : '说完请再点一下「停止录音」';
}

/** Beside the playback button once recorded. */
export const STATUS_TEXT: Readonly<Partial<Record<RecorderPhase, string>>> = {
  uploading: '正在保存语音…',
  ready: '语音已保存',
  failed: '语音上传失败',
};

/** Why the message cannot be sent with its voice yet, or '' when it can (recording and uploading are waited for). */
export function voiceProblem(phase: RecorderPhase): string {
  return phase === 'failed' ? '语音上传失败，请点「重新上传」或删除语音' : '';
}

/** Still on its way: the submit waits for it. */
export function isVoicePending(phase: RecorderPhase): boolean {
  return phase === 'recording' || phase === 'uploading';
}

/** A voice kept in a draft or handed back by the page: only one that has everything. */
export function isStoredVoice(value: unknown): value is StoredVoice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredVoice>;
  return (
    typeof v.fileId === 'string' &&
    v.fileId !== '' &&
    typeof v.url === 'string' &&
    Number.isInteger(v.durationSec) &&
    v.durationSec! >= VOICE_LIMITS.minSec &&
    v.durationSec! <= MAX_VOICE_SEC
  );
}

export function summaryOf(phase: RecorderPhase, voice: Partial<StoredVoice>): VoiceSummary {
  return { phase, voice: phase === 'ready' && isStoredVoice(voice) ? { fileId: voice.fileId, url: voice.url, durationSec: voice.durationSec } : null };
}
