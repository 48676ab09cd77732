import { callApi } from '../../../services/api-client';
import { canFixInSettings, locate, openLocationSetting } from '../../../services/location';
import type { Failure } from '../../../services/outcome';
import type { ScanAnswer } from '../../../services/scan';
import type { CheckInInput } from '../../../../typings/workspace';
import { definePage } from '../../../utils/define-page';
import { DOOR_CODE_ONLY, isCompletePresenceCode, locationProblem, normalisePresenceCode, INTRO_FIGURES, presenceCodeHint, readCheckInScan, toCheckInView } from './view-model';
import type { CheckInView } from './view-model';

type Proof = Pick<CheckInInput, 'code' | 'presenceCode'>;

/**
 * Not rendered: the door code, if one was scanned (sent with typed digits), and the proof of an
 * attempt that waits for location to be allowed in settings, so the deputy need not scan again.
 */
const doorCodes = new WeakMap<object, string>();
/** Not rendered: the reception checked in to, for 接待登记. */
const receptionIds = new WeakMap<object, string>();
const pendingProofs = new WeakMap<object, Proof>();

/**
 * 接待日签到: during the reception a deputy scans the presence code on the liaison officer's phone
 * (or types its 6 digits); the code proves they are in front of the officer, the phone's position
 * that they are at the station.
 */
definePage({
  data: {
    working: false,
    problem: null as Failure | null,
    canOpenSetting: false,
    result: null as CheckInView | null,
    typed: '',
    typedHint: '',
    typedComplete: false,
    figures: INTRO_FIGURES,
  },
  methods: {
    async onScan() {
      if (this.data.working) return;
      // Camera only: a photo of the code from the album proves nothing about being there.
      const answer: ScanAnswer = await wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'wxCode'] }).then(
        (scanned) => ({ scanned }),
        (err: { errMsg: string }) => ({ failed: err.errMsg }),
      );
      const scanned = readCheckInScan(answer);
      if (!scanned.ok) return this.setData({ problem: scanned.error, canOpenSetting: false, result: null });
      if (!scanned.data) return; // closed the scanner
      if ('doorCode' in scanned.data) {
        doorCodes.set(this, scanned.data.doorCode);
        return this.setData({ problem: DOOR_CODE_ONLY, canOpenSetting: false });
      }
      await this.checkIn(scanned.data.proof);
    },
    onType(event: { detail: string }) {
      const typed = normalisePresenceCode(event.detail ?? '');
      this.setData({ typed, typedHint: presenceCodeHint(typed), typedComplete: isCompletePresenceCode(typed) });
    },
    async onSubmitTyped() {
      if (this.data.working || !this.data.typedComplete) return;
      const code = doorCodes.get(this);
      await this.checkIn({ ...(code ? { code } : {}), presenceCode: this.data.typed });
    },
    async checkIn(proof: Proof) {
      this.setData({ working: true, problem: null, canOpenSetting: false, result: null });
      const here = await locate();
      if (!here.ok) {
        pendingProofs.set(this, proof);
        this.setData({ working: false, problem: locationProblem(here.error.code), canOpenSetting: canFixInSettings(here.error.code) });
        return;
      }
      const answer = await callApi('reception', 'checkIn', { ...proof, ...here.data });
      if (!answer.ok) return this.setData({ working: false, problem: answer.error });
      pendingProofs.delete(this);
      receptionIds.set(this, answer.data.receptionId);
      this.setData({ working: false, result: toCheckInView(answer.data) });
    },
    async onOpenSetting() {
      const proof = pendingProofs.get(this);
      if ((await openLocationSetting()) && proof) await this.checkIn(proof);
    },
    /** After checking in, the deputy records the residents they meet (接待登记). */
    onOpenVisits() {
      const id = receptionIds.get(this);
      if (id) wx.navigateTo({ url: `/packages/work/visits/index?receptionId=${encodeURIComponent(id)}` });
    },
    onDone() {
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/me/index' }) });
    },
  },
});
