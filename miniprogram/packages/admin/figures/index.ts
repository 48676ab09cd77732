import type { FiguresOutput } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { now } from '../../../utils/time';
import { dayText, periodProblem, PRESETS, presetPeriod, toFiguresView } from './view-model';
import type { FigureRowView, Preset, SortBy } from './view-model';

type By = FiguresOutput['by'];
type Tap<D> = { currentTarget: { dataset: D } };
/** Not rendered: the last answer (re-sorted without asking again), and which answer is the latest asked. */
interface Session {
  output?: FiguresOutput;
  asked: number;
}
const sessions = new WeakMap<object, Session>();

/** 办理情况统计: per station or per deputy, for a period; every rate with its sample. */
definePage({
  data: {
    loading: true,
    by: 'station' as By,
    presets: PRESETS,
    preset: 'month' as Preset | 'custom',
    from: '',
    to: '',
    today: '',
    periodText: '',
    periodError: '',
    sort: 'rank' as SortBy,
    totals: null as FigureRowView | null,
    rows: [] as FigureRowView[],
    rankNote: '',
    emptyText: '',
  },
  methods: {
    onLoad() {
      sessions.set(this, { asked: 0 });
      const period = presetPeriod('month', now());
      this.setData({ ...period, today: period.to });
      return this.load();
    },
    ...reloadMethods,
    async load() {
      const s = sessions.get(this)!;
      const period = { from: this.data.from, to: this.data.to };
      const problem = periodProblem(period);
      this.setData({ periodError: problem });
      if (problem) return;
      const asked = ++s.asked;
      await this.run(
        () => callApi('admin', 'figures', { by: this.data.by, ...period }),
        (output) => {
          if (asked !== s.asked) return {};
          s.output = output;
          return { ...toFiguresView(output, this.data.sort), periodText: `${dayText(output.period.from)} 至 ${dayText(output.period.to)}` };
        },
      );
    },
    onBy(event: Tap<{ by: By }>) {
      const by = event.currentTarget.dataset.by;
      if (by === this.data.by) return;
      this.setData({ by });
      return this.load();
    },
    onPreset(event: Tap<{ preset: Preset }>) {
      const preset = event.currentTarget.dataset.preset;
      this.setData({ preset, ...presetPeriod(preset, now()) });
      return this.load();
    },
    onDate(event: { detail: { value: string } } & Tap<{ which: 'from' | 'to' }>) {
      this.setData({ preset: 'custom', [event.currentTarget.dataset.which]: event.detail.value });
      return this.load();
    },
    onSort(event: Tap<{ sort: SortBy }>) {
      const sort = event.currentTarget.dataset.sort;
      const output = sessions.get(this)?.output;
      this.setData({ sort, ...(output ? { rows: toFiguresView(output, sort).rows } : {}) });
    },
  },
});
