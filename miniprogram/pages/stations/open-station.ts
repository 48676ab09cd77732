/**
 * The ways the home opens a station: its row, its map callout, or a scanned door code. A
 * station opened by row or callout is remembered (last-station.ts). Methods spread into the page's.
 */
import { readScan } from '../../services/scan';
import type { ScanAnswer } from '../../services/scan';
import { rememberStation } from './last-station';
import type { KnownStation } from './last-station';
import { stationPageUrl } from './routes';
import { shownList } from './shown-list';

type TapEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{}, {}, T>;

interface ListHost {
  data: { searching: boolean };
}

function openStation(station: KnownStation): void {
  if (station.name) rememberStation(station);
  wx.navigateTo({ url: stationPageUrl({ id: station.id }) });
}

export const openStationMethods = {
  onTapStation(this: ListHost, event: TapEvent<{ id: string }>) {
    const id = event.currentTarget.dataset.id;
    openStation(shownList(this, this.data.searching).stations.find((s) => s.id === id) ?? { id, name: '' });
  },
  onCalloutTap(this: ListHost, event: WechatMiniprogram.CustomEvent<{ markerId: number }>) {
    const station = shownList(this, this.data.searching).stations[event.detail.markerId];
    if (station) openStation(station);
  },
  async onScan() {
    const answer: ScanAnswer = await wx.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'wxCode'] }).then(
      (scanned) => ({ scanned }),
      (err: { errMsg: string }) => ({ failed: err.errMsg }),
    );
    const scanned = readScan(answer);
    if (!scanned.ok) wx.showToast({ title: scanned.error.message, icon: 'none' });
    else if (scanned.data) wx.navigateTo({ url: stationPageUrl({ code: scanned.data }) });
  },
};
