import type { NearbyStationsOutput } from '../../../typings/api';
import { callApi } from '../../services/api-client';
import { locate } from '../../services/location';
import type { Outcome } from '../../services/outcome';
import { definePage } from '../../utils/define-page';
import { toStationItems } from './view-model';
import type { StationItem } from './view-model';

/** 附近联络站: where am I, then the stations nearest to me. */
async function nearbyStations(): Promise<Outcome<NearbyStationsOutput>> {
  const here = await locate();
  return here.ok ? callApi('station', 'nearby', here.data) : here;
}

definePage({
  data: { loading: true, stations: [] as StationItem[] },
  methods: {
    onLoad() {
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      await this.run(nearbyStations, (found) => ({ stations: toStationItems(found.stations) }));
    },
    onTapStation(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      wx.navigateTo({ url: `/pages/station/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}` });
    },
  },
});
