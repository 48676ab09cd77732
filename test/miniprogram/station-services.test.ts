import { createWxPlatform } from '../support/wx-platform';

// Required, not imported: these services are typed against miniprogram-api-typings' global `wx`,
// which only miniprogram/tsconfig.json knows (it type-checks them itself).
type Answer = { event: string; buttonId?: string };
type Listener = (resolve: (answer: Answer) => void, info?: { referrer?: string }) => void;
interface Prompt {
  show(referrer: string): void;
  hide(): void;
}
const privacy = require('../../miniprogram/services/privacy') as {
  showPrivacyPromptsOn(prompt: Prompt): () => void;
  agreePrivacy(buttonId: string): void;
  disagreePrivacy(): void;
};
const location = require('../../miniprogram/services/location') as {
  locationFailure(errMsg: string): { code: string; message: string; hint?: string };
  canFixInSettings(code: string | undefined): boolean;
  openLocationSetting(): Promise<boolean>;
};

describe('privacy prompt service', () => {
  let listener: Listener | undefined;
  const g = globalThis as unknown as { wx: unknown };

  beforeEach(() => {
    listener = undefined;
    g.wx = { onNeedPrivacyAuthorization: (l: Listener) => void (listener = l) };
  });

  function prompt(name: string, log: string[]): Prompt {
    return { show: (referrer) => log.push(`${name} shows for ${referrer}`), hide: () => log.push(`${name} hides`) };
  }

  /** What WeChat does for a private API call: hand the listener a resolve, and keep the answers. */
  function privateCall(referrer = 'getLocation'): Answer[] {
    const answers: Answer[] = [];
    listener!((answer) => answers.push(answer), { referrer });
    return answers;
  }

  it('shows the prompt in front, reports its exposure, and agrees with the tapped button', () => {
    const log: string[] = [];
    const withdraw = privacy.showPrivacyPromptsOn(prompt('stations', log));
    const answers = privateCall();
    expect(log).toEqual(['stations shows for getLocation']);
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);

    privacy.agreePrivacy('agree-privacy');
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'agree-privacy' }]);
    expect(log).toEqual(['stations shows for getLocation', 'stations hides']);
    withdraw();
  });

  it('answers every call waiting on the same prompt with one decision', () => {
    const withdraw = privacy.showPrivacyPromptsOn(prompt('stations', []));
    const first = privateCall('getLocation');
    const second = privateCall('chooseLocation');
    privacy.disagreePrivacy();
    expect(first.pop()).toEqual({ event: 'disagree' });
    expect(second.pop()).toEqual({ event: 'disagree' });

    // Settled calls are not answered twice.
    privacy.agreePrivacy('agree-privacy');
    expect(first).toEqual([{ event: 'exposureAuthorization' }]);
    withdraw();
  });

  it('refuses at once when no page can ask, rather than leaving the call hanging', () => {
    const withdraw = privacy.showPrivacyPromptsOn(prompt('stations', []));
    withdraw();
    expect(privateCall()).toEqual([{ event: 'disagree' }]);
  });

  it('asks on the page in front, and again on the earlier page once that one is back', () => {
    const log: string[] = [];
    const stations = prompt('stations', log);
    const withdrawStations = privacy.showPrivacyPromptsOn(stations);
    const withdrawOther = privacy.showPrivacyPromptsOn(prompt('other', log));
    privateCall();
    expect(log).toEqual(['other shows for getLocation']);
    privacy.disagreePrivacy();

    // A tab page stays attached: showing it again brings its prompt forward.
    privacy.showPrivacyPromptsOn(stations);
    log.length = 0;
    privateCall();
    expect(log).toEqual(['stations shows for getLocation']);
    privacy.disagreePrivacy();

    withdrawOther();
    withdrawStations();
  });

  it('does nothing on a base library without onNeedPrivacyAuthorization (before 2.32.3)', () => {
    g.wx = {};
    expect(() => privacy.showPrivacyPromptsOn(prompt('stations', []))()).not.toThrow();
  });
});

describe('location failures', () => {
  it.each([
    ['getLocation:fail privacy permission is not authorized', 'PRIVACY_DENIED', false],
    ['getLocation:fail auth deny', 'LOCATION_DENIED', true],
    ['getLocation:fail:auth denied', 'LOCATION_DENIED', true],
    ['getLocation:fail authorize no response', 'LOCATION_DENIED', true],
    ['getLocation:fail system permission denied', 'LOCATION_OFF', false],
    ['getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF', 'LOCATION_OFF', false],
    ['getLocation:fail timeout', 'LOCATION_UNAVAILABLE', false],
  ])('%s → %s (settings can help: %p)', (errMsg, code, fixable) => {
    const failure = location.locationFailure(errMsg);
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(failure.hint).toContain('按街道查找');
    expect(location.canFixInSettings(failure.code)).toBe(fixable);
  });

  it.each([
    [{ 'scope.userLocation': true }, true],
    [{ 'scope.userLocation': false }, false],
    [{}, false],
  ])('after the settings page %p, location is allowed: %p', async (authSetting, allowed) => {
    const wx = createWxPlatform({ authSetting });
    (globalThis as unknown as { wx: unknown }).wx = {};
    wx.install();
    await expect(location.openLocationSetting()).resolves.toBe(allowed);
    expect(wx.settingsOpened).toBe(1);
  });
});
