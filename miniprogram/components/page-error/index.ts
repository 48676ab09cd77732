/**
 * The error state every resident page shows: what went wrong and what the person can do, in
 * the order worth trying — 重试, then the station's phone when the page knows it, and the
 * 12345 government hotline as the last resort, so nobody is left at a dead end.
 * `<page-error error="{{error}}" station-phone="{{station.phone}}" bind:retry="onRetry" />`;
 * a page may add its own way out in the slot (e.g. 查找附近联络站).
 */
import { HOTLINE, callNumber } from './phone';

Component({
  properties: {
    /** The page's Failure: `message`, optional `hint`. */
    error: { type: Object, value: null },
    /** The station's phone, when the page has it: offered before 12345. */
    stationPhone: { type: String, value: '' },
    /** False where trying again cannot help (e.g. a station that does not exist). */
    canRetry: { type: Boolean, value: true },
  },
  data: { hotline: HOTLINE },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    onCallStation() {
      callNumber(this.data.stationPhone);
    },
    onCallHotline() {
      callNumber(HOTLINE);
    },
  },
});
