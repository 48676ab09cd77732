import type { Failure, Outcome } from './outcome';

export interface Position {
  latitude: number;
  longitude: number;
}

/** Why there is no position; each asks the person for something different. */
export type LocationFailureCode = 'PRIVACY_DENIED' | 'LOCATION_DENIED' | 'LOCATION_OFF' | 'LOCATION_UNAVAILABLE';

const FAILURES: Record<LocationFailureCode, Failure> = {
  PRIVACY_DENIED: { message: '您没有同意隐私保护指引，无法获取位置', hint: '可以按街道查找联络站，或点“重新定位”后选择同意' },
  LOCATION_DENIED: { message: '您没有允许使用位置信息', hint: '可以在设置中允许使用位置信息，或按街道查找联络站' },
  LOCATION_OFF: { message: '手机定位没有打开', hint: '请在手机的系统设置中打开定位并允许微信使用位置，或按街道查找联络站' },
  LOCATION_UNAVAILABLE: { message: '暂时无法获取您的位置', hint: '请稍后重新定位，或按街道查找联络站' },
};

/** WeChat reports every cause only as an errMsg; the privacy one also says "authorized", so it goes first. */
export function locationFailure(errMsg: string): Failure & { code: LocationFailureCode } {
  const code: LocationFailureCode = /privacy/i.test(errMsg)
    ? 'PRIVACY_DENIED'
    : /system permission|LOCATIONSWITCHOFF|location service/i.test(errMsg)
      ? 'LOCATION_OFF'
      : /auth|deny|denied|permission/i.test(errMsg)
        ? 'LOCATION_DENIED'
        : 'LOCATION_UNAVAILABLE';
  return { ...FAILURES[code], code };
}

/**
 * Where the person is, in gcj02 (what maps and our station coordinates use in China).
 * Under `__usePrivacyCheck__` the call first waits for the privacy prompt (services/privacy.ts).
 */
export function locate(): Promise<Outcome<Position>> {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: ({ latitude, longitude }) => resolve({ ok: true, data: { latitude, longitude } }),
      fail: ({ errMsg }) => resolve({ ok: false, error: locationFailure(errMsg) }),
    });
  });
}

/** Only a refused scope can be changed in the mini-program's settings; the rest cannot. */
export function canFixInSettings(code: string | undefined): boolean {
  return code === 'LOCATION_DENIED';
}

/** Opens the settings page (must follow a tap); true when the person allowed location there. */
export function openLocationSetting(): Promise<boolean> {
  return new Promise((resolve) => {
    wx.openSetting({
      success: ({ authSetting }) => resolve(authSetting['scope.userLocation'] === true),
      fail: () => resolve(false),
    });
  });
}
