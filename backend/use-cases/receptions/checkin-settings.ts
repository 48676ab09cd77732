/**
 * What check-in and the officer's presence code run with in the deployed function: the
 * configured hours (config/checkin.json, checked when the instance starts), Node's HMAC and
 * random source, and this instance's count of wrong codes.
 */
import checkinConfig from '../../../config/checkin.json';
import { checkInWindowConfig, PRESENCE_CODE_RULES, type CheckInWindowConfig, type Hmac } from '../../domain/reception';
import { hmacSha256, newPresenceSecret } from '../../platform/presence-crypto';
import { WrongCodeCounter } from './wrong-code-counter';

export interface CheckInSettings {
  readonly window: CheckInWindowConfig;
  readonly hmac: Hmac;
  readonly newSecret: () => string;
  readonly wrongCodes: WrongCodeCounter;
}

/** Read once per instance; a bad value fails loudly instead of opening check-in all day. */
export const CHECK_IN_SETTINGS: CheckInSettings = {
  window: checkInWindowConfig(checkinConfig),
  hmac: hmacSha256,
  newSecret: newPresenceSecret,
  wrongCodes: new WrongCodeCounter(PRESENCE_CODE_RULES.wrongCodesPerMinute),
};
