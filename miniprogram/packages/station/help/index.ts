import { callApi } from '../../../services/api-client';
import { HOTLINE, callNumber } from '../../../components/page-error/phone';
import { definePage } from '../../../utils/define-page';
import { HELP_LIMITS } from './time-limits';
import { helpView } from './view-model';

/**
 * 使用说明: what happens after I submit and how long each step may take, who sees my message,
 * and whom to call. Opened with `stationId` (from 我的, the station last visited), it offers
 * that station's phone before 12345.
 */
definePage({
  data: {
    ...helpView(HELP_LIMITS),
    hotline: HOTLINE,
    stationId: '',
    station: null as { name: string; phone: string } | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ stationId: query.stationId ?? '' });
      return this.loadStation();
    },
    onRetry() {
      return this.loadStation();
    },
    async loadStation() {
      const id = this.data.stationId;
      if (!id) return;
      await this.run(
        () => callApi('station', 'get', { id }),
        (s) => ({ station: { name: s.name, phone: s.phone } }),
      );
    },
    onCallStation() {
      callNumber(this.data.station?.phone ?? '');
    },
    onCallHotline() {
      callNumber(HOTLINE);
    },
  },
});
