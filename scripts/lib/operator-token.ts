import { randomBytes } from 'node:crypto';
import { isLoopbackAddress } from '../../emulator/http/callers';

export interface OperatorToken {
  /** What `/admin` and `/_emulator/*` accept from another machine in X-Emulator-Token; none: nobody. */
  token?: string;
  /** The start-up line about it, or none when the server answers this machine only. */
  line?: string;
}

/**
 * `npm start`'s token for the operator's routes. `EMULATOR_TOKEN` when set; otherwise, when the
 * server listens beyond loopback (`HOST=0.0.0.0`), a fresh random one, printed once so the
 * operator can reach those routes from another machine while nobody else on the LAN can.
 */
export function operatorToken(host: string | undefined, fromEnv: string | undefined): OperatorToken {
  const listensBeyondLoopback = host !== undefined && host !== 'localhost' && !isLoopbackAddress(host);
  if (fromEnv) return { token: fromEnv, line: listensBeyondLoopback ? 'from EMULATOR_TOKEN' : undefined };
  if (!listensBeyondLoopback) return {};
  const token = randomBytes(16).toString('hex');
  return { token, line: token };
}
