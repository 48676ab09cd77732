/**
 * The page's view of the voice recorder: its last summary, and a way for the submit to wait
 * until nothing is on its way (a recording being made, an upload in flight).
 */
import { isVoicePending, NO_VOICE } from '../../../components/voice-recorder/recording';
import type { VoiceSummary } from '../../../components/voice-recorder/recording';

export interface VoiceGate {
  summary: VoiceSummary;
  update(summary: VoiceSummary): void;
  /** Resolves with the summary once neither recording nor uploading. */
  settled(): Promise<VoiceSummary>;
}

export function voiceGate(initial: VoiceSummary = NO_VOICE): VoiceGate {
  let waiters: (() => void)[] = [];
  const gate: VoiceGate = {
    summary: initial,
    update(summary) {
      gate.summary = summary;
      const woken = waiters;
      waiters = [];
      woken.forEach((wake) => wake());
    },
    async settled() {
      while (isVoicePending(gate.summary.phase)) await new Promise<void>((wake) => waiters.push(wake));
      return gate.summary;
    },
  };
  return gate;
}
