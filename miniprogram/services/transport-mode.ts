/**
 * Which transport this build uses. Only a development build (DevTools, a 开发版 preview) follows
 * `config.mode`; a trial or release build always calls the cloud, whatever config.ts says, so a
 * build uploaded with `mode: 'local'` still never points a resident's phone at 127.0.0.1. A
 * build that cannot tell what it is counts as a release.
 */
import { config, type AppConfig } from '../config';

export type TransportMode = AppConfig['mode'];

export function modeFor(envVersion: string | undefined, configured: TransportMode): TransportMode {
  return envVersion === 'develop' ? configured : 'cloud';
}

export function transportMode(): TransportMode {
  return modeFor(buildEnvVersion(), config.mode);
}

function buildEnvVersion(): string | undefined {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion;
  } catch {
    return undefined;
  }
}
