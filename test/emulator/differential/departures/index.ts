import type { Disagreement } from '../run';
import { FILTERS } from './filter';
import { PROJECTIONS } from './projection';
import { SORTS } from './sort';
import type { Departure } from './types';
import { UPDATES } from './update';

export { REFUSED, type Departure, type Example } from './types';

export const DEPARTURES: Departure[] = [...FILTERS, ...UPDATES, ...PROJECTIONS, ...SORTS];

/** The known departure that explains a disagreement, if any. */
export function explain(d: Disagreement): Departure | undefined {
  return DEPARTURES.find((departure) => departure.area === d.area && departure.applies(d));
}
