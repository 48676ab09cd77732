/**
 * One fuzz lane: its own back end (emulator, function instances, demo seed), its own PRNG,
 * calls strictly one after another, so a change in the database is the last call's doing.
 */
import type { Backend } from '../../backend/harness';
import { CALLERS, type CallerKind } from '../../authz/callers';
import { judgeAnswer } from './answers';
import type { ActionUnderTest } from './bases';
import { mutate } from './mutations';
import { Prng } from './prng';
import { CommitCounter, databaseDigest } from './watch';

const KINDS: CallerKind[] = ['anonymous', 'resident', 'deputy', 'officer', 'admin', 'unit'];
/** One call in this many also takes the full digest before and after. */
const FULL_DIGEST_EVERY = 40;

export interface Finding {
  key: string;
  caller: string;
  what: string;
  problem: string;
  /** The event as sent, shortened for the report. */
  event: string;
  answer: string;
}

export interface LaneResult {
  calls: number;
  fullDigests: number;
  perAction: Record<string, number>;
  perOutcome: Record<string, number>;
  findings: Finding[];
  elapsedMs: number;
  /**
   * Valid calls that change who someone is: the caller of `user.redeem`/`user.deleteAccount`,
   * the `personId` of `admin.unbind`. The seed check excuses exactly these.
   */
  identityChanges: string[];
  /** Accepted calls that carried text which renders nothing: what the stored-text scan must find cleaned. */
  acceptedInvisible: number;
}

const shorten = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
};

export async function runLane(backend: Backend, actions: ActionUnderTest[], seed: number, calls: number, onCall?: (i: number) => void): Promise<LaneResult> {
  const rng = new Prng(seed);
  const counter = new CommitCounter(backend);
  const result: LaneResult = { calls, fullDigests: 0, perAction: {}, perOutcome: {}, findings: [], elapsedMs: 0, identityChanges: [], acceptedInvisible: 0 };
  const started = Date.now();
  try {
    let before = counter.read();
    for (let i = 0; i < calls; i += 1) {
      const target = rng.pick(actions);
      const key = `${target.fn}.${target.action}`;
      // Callers rotate through the five kinds; every third call is the one the base input was made for.
      const caller = i % 3 === 2 ? target.insider : CALLERS[KINDS[rng.int(KINDS.length)]];
      const { event, what } = mutate(rng, target.action, target.base);
      const full = i % FULL_DIGEST_EVERY === 0 ? await databaseDigest(backend) : undefined;

      const { status, body } = await backend.callRaw(target.fn, event, caller);
      const after = counter.read();
      const judged = judgeAnswer(status, body);
      result.perAction[key] = (result.perAction[key] ?? 0) + 1;
      result.perOutcome[judged.outcome] = (result.perOutcome[judged.outcome] ?? 0) + 1;
      const report = (problem: string) => result.findings.push({ key, caller: caller ?? '(anonymous)', what, problem, event: shorten(event), answer: shorten(body) });

      if (judged.problem) report(judged.problem);
      // The emulators run in this process: a key that reached Object.prototype is a pollution
      // bug, and every later answer would be its consequence, so the lane stops here.
      const polluted = Object.keys(Object.prototype);
      if (polluted.length > 0) {
        report(`Object.prototype polluted with ${polluted.join(', ')}`);
        for (const key of polluted) delete (Object.prototype as Record<string, unknown>)[key];
        break;
      }
      if (body?.ok === true && (key === 'user.redeem' || key === 'user.deleteAccount') && caller) result.identityChanges.push(caller);
      if (body?.ok === true && key === 'admin.unbind') result.identityChanges.push(String((event as { personId?: unknown }).personId));
      if (body?.ok === true && /invisible|rtl-override|odd-unicode/.test(what)) result.acceptedInvisible += 1;
      if (status === 200 && body?.ok === false && after !== before) report(`rejected with ${body.error?.code}, yet the database changed`);
      if (full) {
        result.fullDigests += 1;
        const afterFull = await databaseDigest(backend);
        const unchanged = afterFull.sha256 === full.sha256;
        // The per-call check relies on the counter: it must never miss a change the hash sees.
        if (!unchanged && after === before) report('the digest changed but the commit counter did not');
        if (status === 200 && body?.ok === false && !unchanged) report(`rejected with ${body.error?.code}, yet the digest changed`);
      }
      before = after;
      onCall?.(i);
    }
  } finally {
    counter.close();
    result.elapsedMs = Date.now() - started;
  }
  return result;
}
