/**
 * 接待登记's second half: 转为留言 and the claim code shown for the resident to scan (出示认领码,
 * 刷新认领码). Spread `claimMethods()` into the page's methods.
 */
import { callApi } from '../../../services/api-client';
import { newRequestId } from '../../../services/request-id';
import { toClaimCard, toVisitItem } from './view-model';
import type { ClaimCard, VisitItem } from './view-model';

type Tap = { currentTarget: { dataset: { id?: string } } };

/** What these methods need of the page they are mixed into. */
interface ClaimPage {
  data: { busyId: string; visits: VisitItem[]; claim: ClaimCard | null; refreshing: boolean };
  setData(data: Record<string, unknown>): void;
  refreshList(): Promise<void>;
}

export function claimMethods() {
  /** Per page, off `data`: one 转为留言 key per visit for the page's life. */
  const convertIds = new WeakMap<object, Map<string, string>>();
  return {
    /** 转为留言: submitted on the resident's behalf; the claim code shows at once for them to scan. */
    async onConvert(this: ClaimPage, event: Tap) {
      const visitId = event.currentTarget.dataset.id;
      if (!visitId || this.data.busyId) return;
      this.setData({ busyId: visitId, listProblem: '' });
      // The same key on a retry after a lost answer: the same case comes back.
      const ids = convertIds.get(this) ?? new Map<string, string>();
      convertIds.set(this, ids);
      const requestId = ids.get(visitId) ?? (await newRequestId());
      ids.set(visitId, requestId);
      const answer = await callApi('reception', 'visitToCase', { visitId, requestId });
      if (!answer.ok) return this.setData({ busyId: '', listProblem: answer.error.message });
      this.setData({
        busyId: '',
        visits: this.data.visits.map((v) => (v.id === visitId ? toVisitItem(answer.data.visit) : v)),
        claim: toClaimCard(visitId, answer.data.claim),
        claimProblem: '',
      });
    },
    async onShowCode(this: ClaimPage, event: Tap) {
      const visitId = event.currentTarget.dataset.id;
      if (!visitId || this.data.busyId) return;
      this.setData({ busyId: visitId, listProblem: '' });
      const answer = await callApi('reception', 'claimCode', { visitId });
      if (!answer.ok) return this.setData({ busyId: '', listProblem: answer.error.message });
      this.setData({ busyId: '', claim: toClaimCard(visitId, answer.data), claimProblem: '' });
    },
    /** 刷新认领码: a new code when the old one ran out or was seen by someone else. */
    async onRefreshCode(this: ClaimPage) {
      const claim = this.data.claim;
      if (!claim || this.data.refreshing) return;
      this.setData({ refreshing: true, claimProblem: '' });
      const answer = await callApi('reception', 'claimCode', { visitId: claim.visitId });
      this.setData(answer.ok ? { refreshing: false, claim: toClaimCard(claim.visitId, answer.data) } : { refreshing: false, claimProblem: answer.error.message });
    },
    /** 完成: the list again, 待认领 turned 已认领 if the resident scanned. */
    onCloseClaim(this: ClaimPage) {
      this.setData({ claim: null, claimProblem: '' });
      return this.refreshList();
    },
  };
}
