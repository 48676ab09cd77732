import { callApi } from '../../../services/api-client';
import { canFixInSettings, locate, openLocationSetting } from '../../../services/location';
import type { Failure } from '../../../services/outcome';
import { readScan } from '../../../services/scan';
import type { ScanAnswer } from '../../../services/scan';
import { definePage } from '../../../utils/define-page';
import { locationProblem, toCheckInView } from './view-model';
import type { CheckInView } from './view-model';

/** Not rendered: the door code scanned, kept so that allowing location in settings does not mean scanning again. */
const scannedCodes = new WeakMap<object, string>();

/** 接待日签到: a deputy scans the station's door code on their reception day; the phone's position proves they are there. */
definePage({
  data: { working: false, problem: null as Failure | null, canOpenSetting: false, result: null as CheckInView | null },
  methods: {
    async onScan() {
      if (this.data.working) return;
      // Camera only: a photo from the album proves nothing about being at the door.
      const answer: ScanAnswer = await wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'wxCode'] }).then(
        (scanned) => ({ scanned }),
        (err: { errMsg: string }) => ({ failed: err.errMsg }),
      );
      const scanned = readScan(answer);
      if (!scanned.ok) return this.setData({ problem: scanned.error, canOpenSetting: false, result: null });
      if (!scanned.data) return; // closed the scanner
      scannedCodes.set(this, scanned.data);
      await this.checkIn(scanned.data);
    },
    async checkIn(code: string) {
      this.setData({ working: true, problem: null, canOpenSetting: false, result: null });
      const here = await locate();
      if (!here.ok) {
        this.setData({ working: false, problem: locationProblem(here.error.code), canOpenSetting: canFixInSettings(here.error.code) });
        return;
      }
      const answer = await callApi('reception', 'checkIn', { code, ...here.data });
      if (!answer.ok) return this.setData({ working: false, problem: answer.error });
      scannedCodes.delete(this);
      this.setData({ working: false, result: toCheckInView(answer.data) });
    },
    async onOpenSetting() {
      const code = scannedCodes.get(this);
      if ((await openLocationSetting()) && code) await this.checkIn(code);
    },
    onDone() {
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/me/index' }) });
    },
  },
});
