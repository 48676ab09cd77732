/**
 * A test-side `wx`: the device APIs the mini-program calls, answered the way WeChat does
 * (success/fail/complete callbacks, or a promise when none is given), with what happened
 * recorded for assertions. `wx.request`, `wx.uploadFile` and `wx.downloadFile` go over real HTTP with Node, so
 * a test can point the API client (miniprogram/config.ts `localHost`) at a stub or at the
 * real local host. Local file paths are real files on disk.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SubscribeAnswer } from '../../typings/case';
import { Buffer } from 'node:buffer';

type Callbacks<S> = { success?: (res: S) => void; fail?: (err: { errMsg: string }) => void; complete?: (res: unknown) => void };
type WxApi = (...args: any[]) => unknown;

export interface WxPlatformOptions {
  /** What `wx.getLocation` answers: a position, or `{ errMsg }` to fail with (e.g. 'getLocation:fail auth deny'). */
  location?: { latitude: number; longitude: number } | { errMsg: string };
  /** Initial storage for get/setStorageSync. */
  storage?: Record<string, unknown>;
  /** What `wx.showModal` answers; default confirm. */
  modalConfirm?: boolean;
  /**
   * The privacy agreement (隐私保护指引): 'agreed' (default) lets private APIs run; 'undecided'
   * makes the first private call wait on the `wx.onNeedPrivacyAuthorization` listener's answer.
   */
  privacy?: 'agreed' | 'undecided';
  /** What `wx.scanCode` answers: what was scanned, or `{ errMsg }` (e.g. 'scanCode:fail cancel'). */
  scan?: { result: string; path?: string; scanType?: string } | { errMsg: string };
  /** The permissions `wx.openSetting` answers with, as if the person changed them there. */
  authSetting?: Record<string, boolean>;
  /** How `wx.compressImage` turns the source bytes into the output's (default: unchanged); throw to make it fail. */
  compress?: (bytes: Buffer, options: { quality?: number; compressedWidth?: number }) => Buffer;
  /** What `wx.requestSubscribeMessage` answers per template id (default: 'accept' for each asked), or `{ errMsg }` to fail. */
  subscribe?: Record<string, SubscribeAnswer> | { errMsg: string };
  /** What `wx.chooseLocation` answers: the place picked, or `{ errMsg }` (default 'chooseLocation:fail cancel'). */
  chosenLocation?: ChosenLocation | { errMsg: string };
  /** Local paths `wx.chooseMedia` answers with (what the person picked in the album). */
  media?: string[];
  /** Scopes decided before the test ('scope.record': false = refused earlier, so WeChat shows no dialog again). */
  scopes?: Record<string, boolean>;
  /** What the person taps in WeChat's authorize dialog, per scope (default: 允许). */
  authorizeAnswers?: Record<string, boolean>;
  /** WeChat's font setting as `wx.getAppBaseInfo` reports it (我 › 设置 › 字体大小): 1 = standard (default). */
  fontSizeScaleFactor?: number;
}

/**
 * `wx.getRecorderManager()`'s one recorder. Its clock is the test's: `advance` moves the
 * recording on, and at the `duration` start() asked for it stops itself, as WeChat's does.
 */
export interface FakeRecorder {
  state: 'idle' | 'recording' | 'paused';
  /** The options of every start() that began a recording, in order. */
  starts: Record<string, unknown>[];
  /** stop() calls, by the page or by the duration running out. */
  stops: number;
  advance(ms: number): void;
  /** WeChat pausing the recording: a phone call, the mini-program going to the background. */
  interrupt(): void;
  /** When set, the next start() reports this errMsg through onError instead of recording. */
  failNextStart?: string;
}

/** A `wx.createInnerAudioContext()`: what it was told to play, and where it is. */
export interface FakeAudio {
  src: string;
  state: 'idle' | 'playing' | 'paused' | 'stopped';
  destroyed: boolean;
  /** The voice playing to its end. */
  end(): void;
  /** The voice failing to load or play (10002: network). */
  fail(errCode?: number): void;
}

export interface ChosenLocation {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

/** What the page answered to WeChat's privacy listener (`resolve(answer)`). */
export type PrivacyAnswer = { event: 'agree'; buttonId?: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };

export interface RecordedRequest {
  url: string;
  method: string;
  data: unknown;
  header: Record<string, string>;
}

/** A `wx.downloadFile`: the URL asked, and what WeChat answered (the temp file holds the body). */
export interface RecordedDownload {
  url: string;
  header: Record<string, string>;
  statusCode?: number;
  tempFilePath?: string;
}

/** A `wx.openDocument`: the local file WeChat's viewer was asked to show. */
export interface OpenedDocument {
  filePath: string;
  fileType?: string;
  showMenu?: boolean;
}

export interface RecordedUpload {
  url: string;
  filePath: string;
  name: string;
  formData: Record<string, string>;
  header: Record<string, string>;
}

export interface WxPlatform {
  /** The APIs this platform answers; `install()` puts them on the global `wx`. */
  api: Record<string, WxApi>;
  requests: RecordedRequest[];
  uploads: RecordedUpload[];
  /** `wx.downloadFile` calls, in order: real HTTP GETs into temp files. */
  downloads: RecordedDownload[];
  /** `wx.openDocument` calls that found their file, in order. */
  documents: OpenedDocument[];
  compressions: { src: string; quality?: number; compressedWidth?: number; tempFilePath: string }[];
  navigations: { method: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'; url?: string }[];
  toasts: { title: string; icon?: string }[];
  modals: { title?: string; content?: string }[];
  storage: Map<string, unknown>;
  location: WxPlatformOptions['location'];
  privacy: 'agreed' | 'undecided';
  /** Every `resolve(...)` the privacy listener made, in order. */
  privacyAnswers: PrivacyAnswer[];
  scan: WxPlatformOptions['scan'];
  scans: { onlyFromCamera?: boolean; scanType?: string[] }[];
  authSetting: Record<string, boolean>;
  settingsOpened: number;
  openedLocations: { latitude: number; longitude: number; name?: string; address?: string; scale?: number }[];
  phoneCalls: string[];
  titles: string[];
  /** Every `wx.requestSubscribeMessage`, with how many `wx.request`s had been made before it. */
  subscriptionPrompts: { tmplIds: string[]; requestsBefore: number }[];
  subscribe: WxPlatformOptions['subscribe'];
  chosenLocation: WxPlatformOptions['chosenLocation'];
  media: string[];
  /** `wx.setClipboardData` texts, in order. */
  clipboard: string[];
  /** `wx.setTabBarBadge` ({ index, text }) and `wx.removeTabBarBadge` ({ index, text: null }), in order. */
  tabBarBadges: { index: number; text: string | null }[];
  previews: { urls: string[]; current?: string }[];
  pullDownStops: number;
  /** What the last `wx.setKeepScreenOn` asked for (undefined: never called). */
  keepScreenOn?: boolean;
  /** Scopes granted (true) or refused (false) so far: in the authorize dialog, or on the settings page (`authSetting`). */
  scopes: Record<string, boolean>;
  authorizeAnswers: Record<string, boolean>;
  /** Every authorize dialog WeChat showed, by scope, in order. */
  authorizeDialogs: string[];
  recorder: FakeRecorder;
  /** What `wx.getAppBaseInfo` answers as `fontSizeScaleFactor`; change it to change WeChat's font setting. */
  fontSizeScaleFactor: number;
  /** Every `wx.createInnerAudioContext()`, in order. */
  audios: FakeAudio[];
  /** Merges the APIs onto `globalThis.wx` (keeping miniprogram-simulate's other mocks). */
  install(): void;
}

export function createWxPlatform(options: WxPlatformOptions = {}): WxPlatform {
  const platform: WxPlatform = {
    api: {},
    requests: [],
    uploads: [],
    downloads: [],
    documents: [],
    compressions: [],
    navigations: [],
    toasts: [],
    modals: [],
    storage: new Map(Object.entries(options.storage ?? {})),
    location: options.location ?? { latitude: 22.5431, longitude: 114.0579 },
    privacy: options.privacy ?? 'agreed',
    privacyAnswers: [],
    scan: options.scan,
    scans: [],
    authSetting: options.authSetting ?? {},
    settingsOpened: 0,
    openedLocations: [],
    phoneCalls: [],
    titles: [],
    subscriptionPrompts: [],
    subscribe: options.subscribe,
    chosenLocation: options.chosenLocation,
    media: options.media ?? [],
    clipboard: [],
    tabBarBadges: [],
    previews: [],
    pullDownStops: 0,
    scopes: { ...options.scopes },
    authorizeAnswers: { ...options.authorizeAnswers },
    authorizeDialogs: [],
    recorder: undefined as unknown as FakeRecorder,
    fontSizeScaleFactor: options.fontSizeScaleFactor ?? 1,
    audios: [],
    install() {
      const g = globalThis as unknown as { wx?: Record<string, unknown> };
      g.wx = Object.assign(g.wx ?? {}, platform.api);
    },
  };

  /** WeChat asks once per scope; a scope refused stays refused (no dialog) until the settings page changes it. */
  const authorize = (scope: string): boolean => {
    if (platform.scopes[scope] === undefined) {
      platform.authorizeDialogs.push(scope);
      platform.scopes[scope] = platform.authorizeAnswers[scope] ?? true;
    }
    return platform.scopes[scope];
  };
  platform.recorder = createRecorder(authorize, (name) => needPrivacy(name));

  const navigate = (method: WxPlatform['navigations'][number]['method']) =>
    asyncApi<{ url?: string }, { errMsg: string }>(method, async (o) => {
      platform.navigations.push({ method, url: o.url });
      return {};
    });

  /** The listener given to `wx.onNeedPrivacyAuthorization` (WeChat keeps only the last one). */
  let privacyListener: ((resolve: (answer: PrivacyAnswer) => void, info: { referrer: string }) => void) | undefined;

  /** WeChat holds a private API until the listener's `resolve` agrees, and fails it on disagree. */
  const needPrivacy = (apiName: string): Promise<void> => {
    if (platform.privacy === 'agreed') return Promise.resolve();
    const listener = privacyListener;
    if (!listener) return Promise.reject(new WxFail(`${apiName}:fail privacy permission is not authorized`));
    return new Promise((resolve, reject) => {
      listener(
        (answer) => {
          platform.privacyAnswers.push(answer);
          if (answer.event === 'agree') {
            platform.privacy = 'agreed';
            resolve();
          } else if (answer.event === 'disagree') {
            reject(new WxFail(`${apiName}:fail privacy permission is not authorized`));
          }
        },
        { referrer: apiName },
      );
    });
  };

  platform.api = {
    onNeedPrivacyAuthorization: (listener: typeof privacyListener) => void (privacyListener = listener),
    openPrivacyContract: asyncApi('openPrivacyContract', async () => ({})),
    getLocation: asyncApi<{ type?: string }, { latitude: number; longitude: number }>('getLocation', async () => {
      await needPrivacy('getLocation');
      const answer = platform.location!;
      if ('errMsg' in answer) throw new WxFail(answer.errMsg);
      return { ...answer, speed: -1, accuracy: 30, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 };
    }),
    request: (o: RequestOptions & Callbacks<RequestAnswer>) => {
      platform.requests.push({ url: o.url, method: o.method ?? 'GET', data: o.data, header: { ...o.header } });
      const aborted = { value: false };
      httpRequest(o).then(
        (res) => !aborted.value && finish(o, { ...res, errMsg: 'request:ok' }),
        (err: Error) => !aborted.value && finish(o, undefined, { errMsg: `request:fail ${err.message}` }),
      );
      return { abort: () => void (aborted.value = true), onHeadersReceived: () => undefined, offHeadersReceived: () => undefined };
    },
    showToast: asyncApi<{ title: string; icon?: string }, object>('showToast', async (o) => {
      platform.toasts.push({ title: o.title, icon: o.icon });
      return {};
    }),
    showLoading: asyncApi('showLoading', async () => ({})),
    hideLoading: asyncApi('hideLoading', async () => ({})),
    showModal: asyncApi<{ title?: string; content?: string }, { confirm: boolean; cancel: boolean }>('showModal', async (o) => {
      platform.modals.push({ title: o.title, content: o.content });
      const confirm = options.modalConfirm ?? true;
      return { confirm, cancel: !confirm };
    }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    scanCode: asyncApi<{ onlyFromCamera?: boolean; scanType?: string[] }, object>('scanCode', async (o) => {
      platform.scans.push({ onlyFromCamera: o.onlyFromCamera, scanType: o.scanType });
      const answer = platform.scan ?? { errMsg: 'scanCode:fail cancel' };
      if ('errMsg' in answer) throw new WxFail(answer.errMsg);
      return { scanType: 'QR_CODE', charSet: 'UTF-8', rawData: '', path: '', ...answer };
    }),
    openSetting: asyncApi<object, { authSetting: Record<string, boolean> }>('openSetting', async () => {
      platform.settingsOpened += 1;
      Object.assign(platform.scopes, platform.authSetting);
      return { authSetting: { ...platform.scopes } };
    }),
    getSetting: asyncApi<object, { authSetting: Record<string, boolean> }>('getSetting', async () => ({ authSetting: { ...platform.scopes } })),
    authorize: asyncApi<{ scope: string }, object>('authorize', async (o) => {
      await needPrivacy('authorize');
      if (!authorize(o.scope)) throw new WxFail('authorize:fail auth deny');
      return {};
    }),
    getRecorderManager: () => platform.recorder,
    // WeChat's standard font is 17 px; fontSizeSetting is the font in px, the factor its ratio to that.
    getAppBaseInfo: () => ({
      SDKVersion: '3.4.0',
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
      enableDebug: false,
      fontSizeSetting: Math.round(17 * platform.fontSizeScaleFactor),
      fontSizeScaleFactor: platform.fontSizeScaleFactor,
    }),
    createInnerAudioContext: () => {
      const audio = createAudio();
      platform.audios.push(audio);
      return audio;
    },
    openLocation: asyncApi<WxPlatform['openedLocations'][number], object>('openLocation', async (o) => {
      platform.openedLocations.push({ latitude: o.latitude, longitude: o.longitude, name: o.name, address: o.address, scale: o.scale });
      return {};
    }),
    makePhoneCall: asyncApi<{ phoneNumber: string }, object>('makePhoneCall', async (o) => {
      platform.phoneCalls.push(o.phoneNumber);
      return {};
    }),
    setNavigationBarTitle: asyncApi<{ title: string }, object>('setNavigationBarTitle', async (o) => {
      platform.titles.push(o.title);
      return {};
    }),
    setKeepScreenOn: asyncApi<{ keepScreenOn: boolean }, object>('setKeepScreenOn', async (o) => {
      platform.keepScreenOn = o.keepScreenOn;
      return {};
    }),
    uploadFile: (o: UploadOptions & Callbacks<UploadAnswer>) => {
      platform.uploads.push({ url: o.url, filePath: o.filePath, name: o.name, formData: { ...o.formData }, header: { ...o.header } });
      const aborted = { value: false };
      httpUpload(o).then(
        (res) => !aborted.value && finish(o, { ...res, errMsg: 'uploadFile:ok' }),
        (err: Error) => !aborted.value && finish(o, undefined, { errMsg: `uploadFile:fail ${err.message}` }),
      );
      return { abort: () => void (aborted.value = true), onProgressUpdate: () => undefined, offProgressUpdate: () => undefined };
    },
    downloadFile: (o: DownloadOptions & Callbacks<DownloadAnswer>) => {
      const download: RecordedDownload = { url: o.url, header: { ...o.header } };
      platform.downloads.push(download);
      const aborted = { value: false };
      httpDownload(o).then(
        (res) => {
          Object.assign(download, res);
          if (!aborted.value) finish(o, { ...res, errMsg: 'downloadFile:ok' });
        },
        (err: Error) => !aborted.value && finish(o, undefined, { errMsg: `downloadFile:fail ${err.message}` }),
      );
      return { abort: () => void (aborted.value = true), onProgressUpdate: () => undefined, offProgressUpdate: () => undefined };
    },
    openDocument: asyncApi<OpenedDocument, object>('openDocument', async (o) => {
      const stat = await fs.promises.stat(o.filePath).catch(() => undefined);
      if (!stat?.isFile()) throw new WxFail(`openDocument:fail file not exist ${o.filePath}`);
      platform.documents.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu });
      return {};
    }),
    compressImage: asyncApi<{ src: string; quality?: number; compressedWidth?: number }, { tempFilePath: string }>('compressImage', async (o) => {
      const bytes = fs.readFileSync(o.src);
      const compressed = (options.compress ?? ((b: Buffer) => b))(bytes, { quality: o.quality, compressedWidth: o.compressedWidth });
      const tempFilePath = path.join(tempDir(), `compressed-${randomBytes(6).toString('hex')}${path.extname(o.src) || '.jpg'}`);
      fs.writeFileSync(tempFilePath, compressed);
      platform.compressions.push({ src: o.src, quality: o.quality, compressedWidth: o.compressedWidth, tempFilePath });
      return { tempFilePath };
    }),
    getFileInfo: getFileInfo('getFileInfo'),
    getFileSystemManager: () => ({ getFileInfo: getFileInfo('getFileInfo') }),
    getRandomValues: asyncApi<{ length: number }, { randomValues: ArrayBuffer }>('getRandomValues', async (o) => {
      const bytes = randomBytes(o.length);
      return { randomValues: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
    }),
    requestSubscribeMessage: asyncApi<{ tmplIds: string[] }, Record<string, string>>('requestSubscribeMessage', async (o) => {
      platform.subscriptionPrompts.push({ tmplIds: [...o.tmplIds], requestsBefore: platform.requests.length });
      const answer = platform.subscribe ?? Object.fromEntries(o.tmplIds.map((id) => [id, 'accept']));
      if ('errMsg' in answer) throw new WxFail(answer.errMsg as string);
      return answer;
    }),
    chooseLocation: asyncApi<object, ChosenLocation>('chooseLocation', async () => {
      const answer = platform.chosenLocation ?? { errMsg: 'chooseLocation:fail cancel' };
      if ('errMsg' in answer) throw new WxFail(answer.errMsg);
      return answer;
    }),
    chooseMedia: asyncApi<{ count?: number }, object>('chooseMedia', async (o) => {
      const picked = platform.media.slice(0, o.count ?? 9);
      if (!picked.length) throw new WxFail('chooseMedia:fail cancel');
      return { type: 'image', tempFiles: picked.map((tempFilePath) => ({ tempFilePath, size: 1024, fileType: 'image', width: 800, height: 600 })) };
    }),
    setClipboardData: asyncApi<{ data: string }, object>('setClipboardData', async (o) => {
      platform.clipboard.push(o.data);
      return {};
    }),
    setTabBarBadge: asyncApi<{ index: number; text: string }, object>('setTabBarBadge', async (o) => {
      platform.tabBarBadges.push({ index: o.index, text: o.text });
      return {};
    }),
    removeTabBarBadge: asyncApi<{ index: number }, object>('removeTabBarBadge', async (o) => {
      platform.tabBarBadges.push({ index: o.index, text: null });
      return {};
    }),
    previewImage: asyncApi<{ urls: string[]; current?: string }, object>('previewImage', async (o) => {
      platform.previews.push({ urls: [...o.urls], current: o.current });
      return {};
    }),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', async () => {
      platform.pullDownStops += 1;
      return {};
    }),
    // A development build, as DevTools runs it: the only kind that may use the local host.
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getStorageSync: (key: string) => (platform.storage.has(key) ? platform.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void platform.storage.set(key, value),
    removeStorageSync: (key: string) => void platform.storage.delete(key),
  };
  return platform;
}

type Listener = (res?: unknown) => void;

/** WeChat's on…/off… listener pairs for `events`, kept in `listeners`; `emit` calls them after the current task. */
function listenable(events: readonly string[]) {
  const listeners = new Map<string, Listener[]>(events.map((e) => [e, []]));
  const methods: Record<string, (listener: Listener) => void> = {};
  for (const event of events) {
    methods[`on${event}`] = (listener) => void listeners.get(event)!.push(listener);
    methods[`off${event}`] = (listener) =>
      void listeners.set(
        event,
        listeners.get(event)!.filter((l) => l !== listener),
      );
  }
  const emit = (event: string, res?: unknown) => setTimeout(() => listeners.get(event)!.forEach((l) => l(res)), 0);
  return { methods, emit };
}

function createRecorder(authorize: (scope: string) => boolean, needPrivacy: (api: string) => Promise<void>): FakeRecorder {
  const { methods, emit } = listenable(['Start', 'Stop', 'Pause', 'Resume', 'Error', 'FrameRecorded', 'InterruptionBegin', 'InterruptionEnd']);
  let elapsed = 0;
  let options: { duration?: number; format?: string } = {};
  const stop = () => {
    if (recorder.state === 'idle') return emit('Error', { errMsg: 'operateRecorder:fail recorder not start' });
    recorder.stops += 1;
    recorder.state = 'idle';
    const tempFilePath = path.join(tempDir(), `recording-${randomBytes(6).toString('hex')}.${options.format ?? 'aac'}`);
    // An ID3 header and some frames' worth of bytes: enough for an upload to carry.
    const bytes = Buffer.concat([Buffer.from('ID3'), randomBytes(Math.max(64, Math.round(elapsed / 10)))]);
    fs.writeFileSync(tempFilePath, bytes);
    emit('Stop', { tempFilePath, duration: elapsed, fileSize: bytes.length });
  };
  const recorder: FakeRecorder & Record<string, unknown> = {
    ...methods,
    state: 'idle',
    starts: [],
    stops: 0,
    start(o: Record<string, unknown> = {}) {
      const failNext = recorder.failNextStart;
      recorder.failNextStart = undefined;
      needPrivacy('RecorderManager.start').then(
        () => {
          if (failNext) return emit('Error', { errMsg: failNext });
          // Without the scope WeChat asks now, as wx.authorize would.
          if (!authorize('scope.record')) return emit('Error', { errMsg: 'operateRecorder:fail auth deny' });
          if (recorder.state !== 'idle') return emit('Error', { errMsg: 'operateRecorder:fail recorder is recording' });
          options = o;
          elapsed = 0;
          recorder.state = 'recording';
          recorder.starts.push({ ...o });
          emit('Start');
        },
        (err: Error) => emit('Error', { errMsg: err.message }),
      );
    },
    stop,
    pause() {
      if (recorder.state !== 'recording') return;
      recorder.state = 'paused';
      emit('Pause');
    },
    resume() {
      if (recorder.state !== 'paused') return;
      recorder.state = 'recording';
      emit('Resume');
    },
    advance(ms: number) {
      if (recorder.state !== 'recording') return;
      const limit = options.duration ?? 60_000;
      elapsed = Math.min(limit, elapsed + ms);
      if (elapsed >= limit) stop();
    },
    interrupt() {
      if (recorder.state !== 'recording') return;
      recorder.state = 'paused';
      emit('InterruptionBegin');
      emit('Pause');
    },
  };
  return recorder;
}

function createAudio(): FakeAudio {
  const { methods, emit } = listenable(['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'TimeUpdate', 'Error', 'Waiting', 'Seeking', 'Seeked']);
  const audio: FakeAudio & Record<string, unknown> = {
    ...methods,
    src: '',
    state: 'idle',
    destroyed: false,
    play() {
      if (audio.destroyed) return;
      audio.state = 'playing';
      emit('Play');
    },
    pause() {
      if (audio.state !== 'playing') return;
      audio.state = 'paused';
      emit('Pause');
    },
    stop() {
      if (audio.state === 'idle' || audio.state === 'stopped') return;
      audio.state = 'stopped';
      emit('Stop');
    },
    seek: () => undefined,
    destroy() {
      audio.destroyed = true;
      audio.state = 'stopped';
    },
    end() {
      audio.state = 'stopped';
      emit('Ended');
    },
    fail(errCode = 10002) {
      audio.state = 'stopped';
      emit('Error', { errCode, errMsg: `InnerAudioContext:fail ${errCode}` });
    },
  };
  return audio;
}

function getFileInfo(name: string): WxApi {
  return asyncApi<{ filePath: string }, { size: number; digest: string }>(name, async (o) => {
    const stat = await fs.promises.stat(o.filePath).catch(() => undefined);
    if (!stat?.isFile()) throw new WxFail(`${name}:fail no such file or directory ${o.filePath}`);
    return { size: stat.size, digest: '' };
  });
}

let temp: string | undefined;
/** Where device APIs put the files they make (WeChat's `wxfile://tmp_…`). */
function tempDir(): string {
  temp ??= fs.mkdtempSync(path.join(os.tmpdir(), 'wx-tmp-'));
  return temp;
}

/** A failure a wx API reports through `fail` with this errMsg. */
export class WxFail extends Error {}

/** WeChat's calling convention: callbacks if any are given, otherwise a promise. */
function asyncApi<O, S>(name: string, run: (options: O) => Promise<Partial<S>>): WxApi {
  return (options: O & Callbacks<S> = {} as O & Callbacks<S>) => {
    const outcome = run(options).then(
      (res) => ({ ok: true as const, res: { ...res, errMsg: `${name}:ok` } as unknown as S }),
      (err: Error) => ({ ok: false as const, err: { errMsg: err instanceof WxFail ? err.message : `${name}:fail ${err.message}` } }),
    );
    const usesCallbacks = Boolean(options.success || options.fail || options.complete);
    if (!usesCallbacks) return outcome.then((o) => (o.ok ? o.res : Promise.reject(o.err)));
    void outcome.then((o) => (o.ok ? finish(options, o.res) : finish(options, undefined, o.err)));
    return undefined;
  };
}

function finish<S>(callbacks: Callbacks<S>, res?: S, err?: { errMsg: string }): void {
  if (err) callbacks.fail?.(err);
  else callbacks.success?.(res as S);
  callbacks.complete?.(err ?? res);
}

interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
  dataType?: string;
}

interface RequestAnswer {
  statusCode: number;
  header: Record<string, string>;
  data: unknown;
  cookies: string[];
}

/** `wx.request` semantics: a JSON body for objects, the answer parsed as JSON when it is JSON. */
function httpRequest(o: RequestOptions): Promise<RequestAnswer> {
  return new Promise((resolve, reject) => {
    const method = (o.method ?? 'GET').toUpperCase();
    const url = new URL(o.url);
    let body: string | undefined;
    if (method === 'GET' && o.data && typeof o.data === 'object') {
      for (const [k, v] of Object.entries(o.data as Record<string, unknown>)) url.searchParams.set(k, String(v));
    } else if (o.data !== undefined) {
      body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data);
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', ...o.header };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const req = http.request(url, { method, headers, timeout: o.timeout ?? 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let data: unknown = text;
        if (o.dataType !== 'text') {
          try {
            data = JSON.parse(text);
          } catch {
            data = text;
          }
        }
        const header = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
        resolve({ statusCode: res.statusCode ?? 0, header, data, cookies: [] });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

interface DownloadOptions {
  url: string;
  header?: Record<string, string>;
  timeout?: number;
}

interface DownloadAnswer {
  statusCode: number;
  tempFilePath: string;
}

/**
 * `wx.downloadFile` semantics: a GET whose body lands in a temp file, whatever the HTTP status
 * (the caller checks `statusCode`); the temp file keeps the URL's extension, as WeChat's does.
 */
function httpDownload(o: DownloadOptions): Promise<DownloadAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(o.url);
    const req = http.get(url, { headers: { ...o.header }, timeout: o.timeout ?? 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const tempFilePath = path.join(tempDir(), `download-${randomBytes(6).toString('hex')}${path.extname(url.pathname)}`);
        fs.writeFileSync(tempFilePath, Buffer.concat(chunks));
        resolve({ statusCode: res.statusCode ?? 0, tempFilePath });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, string>;
  header?: Record<string, string>;
  timeout?: number;
}

interface UploadAnswer {
  statusCode: number;
  /** WeChat hands the body over as text, whatever its type. */
  data: string;
}

/** `wx.uploadFile` semantics: a multipart POST of the file under `name` plus `formData`; any HTTP status is a success. */
async function httpUpload(o: UploadOptions): Promise<UploadAnswer> {
  const bytes = await fs.promises.readFile(o.filePath);
  // jsdom test environments (pages rendered against a real back end) have no `fetch`.
  if (typeof fetch !== 'function') return multipartPost(o, bytes);
  const form = new FormData();
  for (const [key, value] of Object.entries(o.formData ?? {})) form.append(key, String(value));
  form.append(o.name, new Blob([bytes]), path.basename(o.filePath));
  const res = await fetch(o.url, { method: 'POST', body: form, headers: o.header, signal: AbortSignal.timeout(o.timeout ?? 60_000) });
  return { statusCode: res.status, data: await res.text() };
}

/** The same multipart POST over node:http, for environments without `fetch`. */
function multipartPost(o: UploadOptions, bytes: Buffer): Promise<UploadAnswer> {
  const boundary = `----wxupload${randomBytes(12).toString('hex')}`;
  const part = (headers: string) => Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`, 'utf8');
  const chunks: Buffer[] = [];
  for (const [key, value] of Object.entries(o.formData ?? {})) {
    chunks.push(part(`Content-Disposition: form-data; name="${key}"`), Buffer.from(`${String(value)}\r\n`, 'utf8'));
  }
  const filename = path.basename(o.filePath);
  chunks.push(
    part(`Content-Disposition: form-data; name="${o.name}"; filename="${filename}"\r\nContent-Type: application/octet-stream`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  );
  const body = Buffer.concat(chunks);
  return new Promise((resolve, reject) => {
    const headers = { ...o.header, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) };
    const req = http.request(new URL(o.url), { method: 'POST', headers, timeout: o.timeout ?? 60_000 }, (res) => {
      const received: Buffer[] = [];
      res.on('data', (chunk: Buffer) => received.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, data: Buffer.concat(received).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
