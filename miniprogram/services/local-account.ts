/**
 * Local mode only: which seeded demo account the local function host treats this DevTools as
 * (`X-WX-OPENID`). Switching lets a newcomer act as the resident, the deputy, the officer,
 * the district office and a handling unit in turn without editing config.ts. In cloud mode WeChat decides who the
 * caller is, and there is nothing to switch: `localAccounts()` is empty.
 */
import { config } from '../config';
import { transportMode } from './transport-mode';

export interface LocalAccount {
  openid: string;
  label: string;
}

/** The seed's demo accounts (scripts/seed/demo-accounts.ts), in the README's order. */
const DEMO_ACCOUNTS: readonly LocalAccount[] = [
  { openid: 'odemo-resident', label: '群众' },
  { openid: 'odemo-resident-2', label: '群众（第二位）' },
  { openid: 'odemo-deputy', label: '人大代表' },
  { openid: 'odemo-officer', label: '联络员' },
  { openid: 'odemo-admin', label: '区人大常委会' },
  { openid: 'odemo-unit', label: '承办单位（区住房和建设局）' },
  { openid: 'odemo-unit-2', label: '承办单位（区城市管理和综合执法局）' },
];

const STORAGE_KEY = 'localOpenid';

export function localAccounts(): readonly LocalAccount[] {
  return transportMode() === 'local' ? DEMO_ACCOUNTS : [];
}

export function currentLocalOpenid(): string {
  return config.localOpenid;
}

export function switchLocalAccount(openid: string): void {
  if (transportMode() !== 'local') return;
  config.localOpenid = openid;
  wx.setStorageSync(STORAGE_KEY, openid);
}

/** At launch: the account chosen last time, if any. */
export function restoreLocalAccount(): void {
  if (transportMode() !== 'local') return;
  const saved: unknown = wx.getStorageSync(STORAGE_KEY);
  if (typeof saved === 'string' && saved) config.localOpenid = saved;
}
