/**
 * The microphone (scope.record), asked for as WeChat requires: wx.authorize shows WeChat's own
 * dialog the first time; once refused, WeChat refuses again without asking, and only its
 * settings page — opened by wx.openSetting from a tap — can change that.
 */
import { recordFailure } from './recording';
import type { RecordFailure } from './recording';

export function askForMicrophone(): Promise<'granted' | RecordFailure> {
  return new Promise((resolve) => {
    wx.authorize({
      scope: 'scope.record',
      success: () => resolve('granted'),
      fail: ({ errMsg }) => resolve(recordFailure(errMsg)),
    });
  });
}

/** The settings page (must follow a tap); true when the person allowed the microphone there. */
export function openMicrophoneSetting(): Promise<boolean> {
  return new Promise((resolve) => {
    wx.openSetting({
      success: ({ authSetting }) => resolve(authSetting['scope.record'] === true),
      fail: () => resolve(false),
    });
  });
}
