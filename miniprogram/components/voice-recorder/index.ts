/**
 * A voice message of up to a minute: tap 开始录音, tap 停止录音 (or it stops itself at 60 s),
 * with the running clock in between. The recording is uploaded as soon as it stops (retry on
 * failure), then can be played back, recorded again or deleted. Asks for the microphone first
 * and explains a refusal. Emits `change` with a `VoiceSummary` after every change.
 */
import { uploadVoice } from '../../services/storage';
import { stopAllVoices } from '../voice-player/now-playing';
import { askForMicrophone, openMicrophoneSetting } from './permission';
import { abandonRecording, startRecording, stopRecording } from './recorder';
import type { RecordingOwner } from './recorder';
import { durationSecOf, FAILURE_TEXT, isStoredVoice, MAX_VOICE_SEC, recordFailure, recordingClock, recordingHint, STATUS_TEXT, summaryOf } from './recording';
import type { RecordFailure, RecorderPhase, StoredVoice } from './recording';

/** Not rendered: the recorder's handle, the clock, and which upload is the current one. */
interface Session {
  owner: RecordingOwner;
  startedAt: number;
  ticker?: ReturnType<typeof setInterval>;
  /** Bumped by every new upload and by delete: an answer for an older one is dropped. */
  generation: number;
  fileId: string;
  asking: boolean;
  /** The `value` last applied: a parent may hand the same one again on any render. */
  applied: string;
}
const sessions = new WeakMap<object, Session>();

type Recorder = { started(): void; stopped(result: { tempFilePath: string; duration?: number }): void; refuse(reason: RecordFailure): void };

/** Made on first use: a property observer may run before `attached`. */
function sessionOf(recorder: Recorder): Session {
  let s = sessions.get(recorder);
  if (!s) {
    const owner: RecordingOwner = { started: () => recorder.started(), stopped: (r) => recorder.stopped(r), failed: (errMsg) => recorder.refuse(recordFailure(errMsg)) };
    s = { owner, startedAt: 0, generation: 0, fileId: '', asking: false, applied: '' };
    sessions.set(recorder, s);
  }
  return s;
}

function stopClock(s: Session): void {
  if (s.ticker !== undefined) clearInterval(s.ticker);
  s.ticker = undefined;
}

Component({
  properties: {
    /** A voice uploaded before (a restored draft). */
    value: { type: Object, value: null },
  },
  data: { phase: 'idle' as RecorderPhase, url: '', durationSec: 0, clock: '', hint: '', status: '', problem: '', note: '', canOpenSetting: false, maxSec: MAX_VOICE_SEC },
  observers: {
    value(value: StoredVoice | null) {
      const s = sessionOf(this);
      const json = JSON.stringify(value ?? null);
      if (s.applied === json || !isStoredVoice(value)) return;
      s.applied = json;
      s.fileId = value.fileId;
      this.setData({ phase: 'ready', url: value.url, durationSec: value.durationSec, status: STATUS_TEXT.ready ?? '', problem: '' });
    },
  },
  lifetimes: {
    detached() {
      const s = sessions.get(this);
      if (!s) return;
      stopClock(s);
      s.generation += 1;
      abandonRecording(s.owner);
    },
  },
  methods: {
    async onStart() {
      const s = sessionOf(this);
      if (s.asking || this.data.phase !== 'idle') return;
      stopAllVoices();
      s.asking = true;
      const permission = await askForMicrophone();
      s.asking = false;
      if (permission !== 'granted') return this.refuse(permission);
      s.startedAt = Date.now();
      this.setData({ phase: 'recording', clock: recordingClock(0), hint: recordingHint(0), problem: '', note: '', canOpenSetting: false });
      this.changed();
      startRecording(s.owner);
      s.ticker = setInterval(() => this.tick(), 250);
    },
    onStop() {
      const s = sessions.get(this);
      if (s) stopRecording(s.owner);
    },
    started() {
      const s = sessions.get(this);
      if (s) s.startedAt = Date.now();
    },
    tick() {
      const s = sessions.get(this);
      if (!s) return;
      const sec = Math.floor((Date.now() - s.startedAt) / 1000);
      // WeChat stops at RECORD_OPTIONS.duration; should it not, the promise of a minute still holds.
      if (sec >= MAX_VOICE_SEC) stopRecording(s.owner);
      const clock = recordingClock(sec);
      if (clock !== this.data.clock) this.setData({ clock, hint: recordingHint(sec) });
    },
    stopped(result: { tempFilePath: string; duration?: number }) {
      const s = sessions.get(this);
      if (!s) return;
      stopClock(s);
      const durationSec = durationSecOf(result.duration ?? Date.now() - s.startedAt);
      if (!durationSec) return this.refuse('tooShort');
      this.setData({ url: result.tempFilePath, durationSec });
      return this.upload();
    },
    async upload() {
      const s = sessions.get(this);
      if (!s) return;
      const generation = ++s.generation;
      s.fileId = '';
      this.setData({ phase: 'uploading', status: STATUS_TEXT.uploading ?? '' });
      this.changed();
      const outcome = await uploadVoice(this.data.url);
      if (generation !== s.generation) return;
      if (outcome.ok) s.fileId = outcome.data.fileId;
      const phase: RecorderPhase = outcome.ok ? 'ready' : 'failed';
      this.setData({ phase, status: STATUS_TEXT[phase] ?? '' });
      this.changed();
    },
    onRetryUpload() {
      if (this.data.phase === 'failed') return this.upload();
    },
    onDelete() {
      const s = sessions.get(this);
      if (!s) return;
      s.generation += 1;
      s.fileId = '';
      this.setData({ phase: 'idle', url: '', durationSec: 0, status: '', problem: '' });
      this.changed();
    },
    onRerecord() {
      this.onDelete();
      return this.onStart();
    },
    async onOpenSetting() {
      if (await openMicrophoneSetting()) this.setData({ problem: '', canOpenSetting: false, note: '已允许使用麦克风，请点「开始录音」' });
    },
    refuse(reason: RecordFailure) {
      const s = sessions.get(this);
      if (s) stopClock(s);
      this.setData({ phase: 'idle', url: '', durationSec: 0, status: '', problem: FAILURE_TEXT[reason], canOpenSetting: reason === 'denied' });
      this.changed();
    },
    changed() {
      const s = sessions.get(this);
      this.triggerEvent('change', summaryOf(this.data.phase, { fileId: s?.fileId, url: this.data.url, durationSec: this.data.durationSec }));
    },
  },
});
