/**
 * Measures what a page sends through `setData`: every payload, and its size as UTF-8 JSON
 * (what crosses from the logic layer to the view — WeChat's advice is to keep it small).
 */
import { Buffer } from 'node:buffer';

export interface SetDataCall {
  payload: Record<string, unknown>;
  bytes: number;
}

export interface SetDataMeter {
  calls: SetDataCall[];
  /** The largest single call so far (throws when there was none). */
  largest(): SetDataCall;
  /** Puts the page's own setData back. */
  stop(): void;
}

export function measureSetData(page: { instance: Record<string, any> }): SetDataMeter {
  const instance = page.instance;
  const original = instance.setData;
  const calls: SetDataCall[] = [];
  instance.setData = function measured(this: unknown, payload: Record<string, unknown>, callback?: () => void) {
    calls.push({ payload, bytes: Buffer.byteLength(JSON.stringify(payload), 'utf8') });
    return original.call(this, payload, callback);
  };
  return {
    calls,
    largest() {
      if (!calls.length) throw new Error('no setData was measured');
      return calls.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    },
    stop: () => void (instance.setData = original),
  };
}
