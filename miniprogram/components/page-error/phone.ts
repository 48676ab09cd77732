/** Calling out from an error state or the help page. */

/** 12345政务服务热线: the government's one number for anything a station cannot settle. */
export const HOTLINE = '12345';

/** Opens WeChat's call sheet; the person cancelling it is not an error worth telling them about. */
export function callNumber(phoneNumber: string): void {
  if (!phoneNumber) return;
  wx.makePhoneCall({ phoneNumber, fail: () => undefined });
}
