/**
 * What a function entry hands its use cases for one call: the database, WeChat (each call gets
 * 3 s, well inside every function's timeout, config.json), the clock read once, sha-256 and secure
 * random ids. Each use case's context type takes the part it needs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cloudbase, database } from './cloudbase';
import { createWxGateway } from './wx-gateway';

/** A fresh one per call: its `now` is that call's clock. `hash` is sha-256 hex (utf-8); `randomId` 32 hex digits of a secure random source. */
export function callContext() {
  return {
    db: database(),
    wx: createWxGateway(cloudbase(), { timeoutMs: 3000 }),
    now: new Date(),
    hash: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
    randomId: () => randomBytes(16).toString('hex'),
  };
}

export type CallContext = ReturnType<typeof callContext>;
