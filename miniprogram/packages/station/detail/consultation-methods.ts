/**
 * The station page's 立法意见征集 block, asked for only once the station is shown and left out
 * quietly when it cannot be had: it must never hold up or break the station itself.
 */
import { callApi } from '../../../services/api-client';
import { consultationUrl } from '../../../utils/consultation-view';
import { NO_CONSULTATIONS, toConsultationsBlock } from './consultations';
import type { ConsultationsBlock } from './consultations';

interface StationPage {
  data: { station: { id: string } | null };
  setData(data: { consultations: ConsultationsBlock }): void;
}

export const consultationMethods = {
  async loadConsultations(this: StationPage, stationId: string) {
    const answer = await callApi('consultation', 'list', { stationId });
    this.setData({ consultations: answer.ok ? toConsultationsBlock(answer.data) : NO_CONSULTATIONS });
  },
  onOpenConsultation(this: StationPage, event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
    wx.navigateTo({ url: consultationUrl(event.currentTarget.dataset.id, this.data.station?.id) });
  },
};
