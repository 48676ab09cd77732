/**
 * Plays a voice message (`file-url`: a signed URL or a local recording; `duration-sec`): one
 * button, at least a finger wide, that plays and pauses, named for screen readers, with the
 * length beside it. Starting it stops any other voice (now-playing.ts). The audio context is
 * made on the first tap and destroyed with the component.
 */
import { playerAriaLabel, playerText } from './labels';
import { release, takeOver } from './now-playing';
import type { Playing } from './now-playing';

/** Per instance, not rendered: its audio context, and its handle in the one-at-a-time rule. */
interface Session {
  audio?: WechatMiniprogram.InnerAudioContext;
  handle: Playing;
}
const sessions = new WeakMap<object, Session>();

Component({
  properties: {
    fileUrl: { type: String, value: '' },
    durationSec: { type: Number, value: 0 },
  },
  data: { playing: false, failed: false, position: 0, ariaLabel: '', text: '' },
  observers: {
    'fileUrl, durationSec'(fileUrl: string) {
      const s = sessions.get(this);
      // Another voice in the same place (a re-recording): the old one stops.
      if (s?.audio && s.audio.src !== fileUrl) this.halt();
      this.show({ failed: false });
    },
  },
  lifetimes: {
    attached() {
      sessions.set(this, { handle: { stop: () => this.halt() } });
      this.show({});
    },
    detached() {
      const s = sessions.get(this);
      if (!s) return;
      release(s.handle);
      s.audio?.destroy();
      sessions.delete(this);
    },
  },
  pageLifetimes: {
    hide() {
      this.halt();
    },
  },
  methods: {
    onToggle() {
      const s = sessions.get(this);
      if (!s || !this.data.fileUrl) return;
      if (this.data.playing) {
        s.audio?.pause();
        release(s.handle);
        this.show({ playing: false });
        return;
      }
      takeOver(s.handle);
      const audio = s.audio ?? this.makeAudio(s);
      if (audio.src !== this.data.fileUrl) audio.src = this.data.fileUrl;
      audio.play();
      this.show({ playing: true, failed: false });
    },
    makeAudio(s: Session): WechatMiniprogram.InnerAudioContext {
      const audio = wx.createInnerAudioContext();
      const done = () => {
        release(s.handle);
        this.show({ playing: false, position: 0 });
      };
      audio.onEnded(done);
      audio.onStop(done);
      // Many times a second: the text changes only with the whole second.
      audio.onTimeUpdate(() => {
        if (Math.floor(audio.currentTime) !== Math.floor(this.data.position)) this.show({ position: audio.currentTime });
      });
      audio.onError((err) => {
        console.warn('[voice-player] cannot play', err);
        release(s.handle);
        this.show({ playing: false, failed: true, position: 0 });
      });
      s.audio = audio;
      return audio;
    },
    /** Stops playing, as when another voice starts or the page goes away. */
    halt() {
      sessions.get(this)?.audio?.stop();
      if (this.data.playing) this.show({ playing: false, position: 0 });
    },
    show(patch: Partial<{ playing: boolean; failed: boolean; position: number }>) {
      const next = { playing: this.data.playing, position: this.data.position, ...patch };
      const sec = this.data.durationSec;
      this.setData({ ...patch, ariaLabel: playerAriaLabel(next.playing, sec), text: playerText(next.playing, next.position, sec) });
    },
  },
});
