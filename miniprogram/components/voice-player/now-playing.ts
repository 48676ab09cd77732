/**
 * One voice at a time in the whole mini-program: starting one (or starting to record) stops
 * whichever was playing, so two voices never talk over each other.
 */
export interface Playing {
  stop(): void;
}

let current: Playing | undefined;

/** `player` is about to play: the one before it stops. */
export function takeOver(player: Playing): void {
  if (current && current !== player) current.stop();
  current = player;
}

/** `player` stopped or went away. */
export function release(player: Playing): void {
  if (current === player) current = undefined;
}

/** Stops whatever is playing (before recording, for one). */
export function stopAllVoices(): void {
  const playing = current;
  current = undefined;
  playing?.stop();
}
