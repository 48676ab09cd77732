/**
 * 长辈模式's home: three big actions instead of the finder (找联络站, 给代表留言, 我的留言),
 * and the offer, made once at the first launch, to switch elder mode on. Methods spread into
 * the page's; the rule for where 给代表留言 goes is pure (`writeTarget`).
 */
import type { StationSummary } from '../../../typings/api';
import { chooseElderMode, currentTypography, markElderModeOffered, shouldOfferElderMode } from '../../services/elder-mode';
import { finderOf } from './finder';
import { lastStation } from './last-station';
import type { KnownStation } from './last-station';
import { CASES_TAB, composeUrl } from './routes';

/** The station last opened, else the nearest found; null when neither is known (then: the finder). */
export function writeTarget(last: KnownStation | null, nearest: StationSummary | undefined): KnownStation | null {
  return last ?? (nearest ? { id: nearest.id, name: nearest.name } : null);
}

/** The line under 给代表留言, so the resident knows which station it goes to before tapping. */
export function writeHint(target: KnownStation | null): string {
  return target ? `写给：${target.name}` : '先找到离您最近的联络站';
}

interface ElderHost {
  data: { elder: boolean };
  setData(data: Record<string, unknown>): void;
}

const target = (page: object): KnownStation | null => writeTarget(lastStation(), finderOf(page).current?.stations[0]);

export const elderHomeMethods = {
  /**
   * The first-launch offer, once whatever the answer. Not where elder mode is already on
   * (WeChat's large font turned it on): there is nothing to offer.
   */
  offerElderMode(this: ElderHost) {
    if (this.data.elder || !shouldOfferElderMode()) return;
    markElderModeOffered();
    this.setData({ elderOffer: true });
  },
  onAcceptElder(this: ElderHost) {
    chooseElderMode('on');
    const { pageStyle, elder } = currentTypography();
    this.setData({ elderOffer: false, pageStyle, elder });
  },
  /** 暂不: no choice is stored, so a larger WeChat font later still brings elder mode. */
  onDeclineElder(this: ElderHost) {
    this.setData({ elderOffer: false });
  },
  /** After the nearby list arrived, or back from a station: where 给代表留言 would go now. */
  showWriteTarget(this: ElderHost) {
    this.setData({ writeHint: writeHint(target(this)) });
  },
  onElderFind(this: ElderHost) {
    this.setData({ elderList: true });
  },
  onElderHome(this: ElderHost) {
    this.setData({ elderList: false });
  },
  onElderWrite(this: ElderHost) {
    const to = target(this);
    if (to) wx.navigateTo({ url: composeUrl(to.id) });
    else this.setData({ elderList: true });
  },
  onElderMine() {
    wx.switchTab({ url: CASES_TAB });
  },
};
