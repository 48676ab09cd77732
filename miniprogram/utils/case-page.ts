/**
 * How every case page opens and refreshes its case (the resident's and the handler's):
 * one request, the answer remembered (its id and version go with every command) and shaped.
 * In the main package because subpackages may not share code.
 */
import type { CaseDetail } from '../../typings/case';
import type { PhotoSummary } from '../components/case-photo-picker/photos';
import type { Outcome } from '../services/outcome';
import { callApi } from '../services/api-client';
import { loadNoticeTemplates } from '../services/subscribe';
import { now } from './time';

/** Not rendered: the case as last answered, and the photos of the form now open. */
export interface CaseSession {
  caseId: string;
  detail?: CaseDetail;
  photos: PhotoSummary;
}

export const NO_PHOTOS: PhotoSummary = { photos: [], uploading: 0, failed: 0 };

/** What these methods need of the page they are mixed into (definePage gives the rest). */
interface CasePage<View> {
  setData(data: { view: View }): void;
  run<T>(step: () => Promise<Outcome<T>>, show?: (data: T) => { view: View }): Promise<T | undefined>;
  load(inPlace?: boolean): Promise<void>;
  shown(detail: CaseDetail): { view: View };
}

/**
 * The sessions of a page's instances, and the page methods that load its case: spread
 * `methods` into definePage's methods. `toView` shapes the answer for this page.
 */
export function caseLoading<View>(toView: (detail: CaseDetail, now: Date) => View) {
  const sessions = new WeakMap<object, CaseSession>();
  const methods = {
    onLoad(this: CasePage<View>, query: Record<string, string | undefined>) {
      // A notice prompt must open straight from a tap: have the template ids by then.
      void loadNoticeTemplates();
      sessions.set(this, { caseId: query.id ?? '', photos: NO_PHOTOS });
      return this.load();
    },
    onRetry(this: CasePage<View>) {
      return this.load();
    },
    async onPullDownRefresh(this: CasePage<View>) {
      await this.load(true);
      wx.stopPullDownRefresh();
    },
    /** `inPlace`: keep the case on screen while asking (pull-down, after a conflict). */
    async load(this: CasePage<View>, inPlace = false) {
      const step = () => callApi('case', 'get', { caseId: sessions.get(this)!.caseId });
      if (!inPlace) return void (await this.run(step, (detail) => this.shown(detail)));
      const answer = await step();
      if (answer.ok) this.setData(this.shown(answer.data));
    },
    /** Remembers the case as answered and shapes it: what a setData needs to show it. */
    shown(this: CasePage<View>, detail: CaseDetail) {
      sessions.get(this)!.detail = detail;
      return { view: toView(detail, now()) };
    },
  };
  return { sessions, methods };
}
