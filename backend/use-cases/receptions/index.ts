/** The reception workspace: the officer's schedule, publishing and presence code, deputies' check-in, residents following a station. */
export { schedule } from './schedule';
export { publishReception } from './publish-reception';
export { checkIn } from './check-in';
export { presenceCode } from './presence-code';
export { followingStation, followStation } from './follow-station';
export { followedStations } from './followed-stations';
export type { ReceptionContext } from './context';
