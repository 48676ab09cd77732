/**
 * The station's handling figures (履职情况) as the page shows them. Pure: unit-tested in
 * test/miniprogram/station-view-model.test.ts.
 *
 * A rate is shown only with its sample ("满意率 92%（37 人评价）"), and not at all when the
 * sample is empty: "暂无数据", never 0% or 100%. The same rule as the back end's
 * backend/domain/figures (a page may not import it at run time, so it is restated here).
 */
import type { StationDetail, StationFigures } from '../../../../typings/api';
import { percentText } from '../../../utils/percent';

export { percentText };

export interface Rate {
  /** 0 to 1; absent when the sample is empty. */
  value?: number;
  sample: number;
}

export function rate(numerator: number, denominator: number): Rate {
  return denominator > 0 ? { value: numerator / denominator, sample: denominator } : { sample: 0 };
}

export const NO_DATA = '暂无数据';

export interface FigureRow {
  key: 'received' | 'closure' | 'satisfaction' | 'visitors';
  label: string;
  value: string;
}

export interface FiguresView {
  /** What the station's own data already shows (roster size, published reception days). */
  facts: { label: string; value: string }[];
  /** '近12个月（2024.11.26—2025.11.25）' */
  periodText: string;
  /**
   * 收到诉求, 办结率 (closed ÷ received), 满意率 (satisfied ÷ rated), each with its sample; then 接访群众
   * when the answer has it (an older back end does not send it, and 0 人次 would be a claim it never made).
   */
  handling: FigureRow[];
  /** Each deputy's confirmed offline duties (履职登记) over the same period, '3 次'; empty when the answer has none. */
  duties: { id: string; label: string; value: string }[];
}

const dotted = (date: string): string => date.replace(/-/g, '.');

function rateText(r: Rate, sample: (n: number) => string): string {
  return r.value === undefined ? NO_DATA : `${percentText(r.value)}（${sample(r.sample)}）`;
}

export function toFiguresView(detail: Pick<StationDetail, 'deputies' | 'receptions'>, figures: StationFigures): FiguresView {
  return {
    facts: [
      { label: '驻站代表', value: `${detail.deputies.length} 名` },
      { label: '已公布接待日', value: `${detail.receptions.length} 次（未来60天）` },
    ],
    periodText: `近12个月（${dotted(figures.period.from)}—${dotted(figures.period.to)}）`,
    handling: [
      { key: 'received', label: '收到诉求', value: `${figures.received} 件` },
      { key: 'closure', label: '办结率', value: rateText(rate(figures.closed, figures.received), (n) => `共 ${n} 件`) },
      { key: 'satisfaction', label: '满意率', value: rateText(rate(figures.satisfied, figures.rated), (n) => `${n} 人评价`) },
      ...(figures.visitors === undefined ? [] : [{ key: 'visitors' as const, label: '接访群众', value: `${figures.visitors} 人次` }]),
    ],
    duties: detail.deputies.flatMap((d) => (d.activities === undefined ? [] : [{ id: d.id, label: d.name, value: `${d.activities} 次` }])),
  };
}
