/**
 * Node's crypto for the presence code (签到码): the domain computes codes with whatever HMAC it
 * is given, and a reception's secret is made here, from the system's random source.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Hmac } from '../domain/reception/presence-code';

export const hmacSha256: Hmac = (secret, message) => createHmac('sha256', secret).update(message, 'utf8').digest();

/** 256 random bits: the key of one reception's codes, kept in `presence_secrets` and never sent anywhere. */
export const newPresenceSecret = (): string => randomBytes(32).toString('base64');
