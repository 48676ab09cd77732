import type { Outcome } from './outcome';

export interface Position {
  latitude: number;
  longitude: number;
}

/**
 * Where the person is, in gcj02 (what maps and our station coordinates use in China).
 * A refusal or a failure is a value the page can show; the full refused-location flow
 * (open settings, pick a place by hand) comes later.
 */
export function locate(): Promise<Outcome<Position>> {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: ({ latitude, longitude }) => resolve({ ok: true, data: { latitude, longitude } }),
      fail: ({ errMsg }) =>
        resolve({
          ok: false,
          error: {
            code: /auth|deny|denied|permission/i.test(errMsg) ? 'LOCATION_DENIED' : 'LOCATION_UNAVAILABLE',
            message: '无法获取您的位置',
            hint: '请在设置中允许使用位置信息，并打开手机定位后重试',
          },
        }),
    });
  });
}
