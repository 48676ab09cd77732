/**
 * Where the station pages lead. Lives in the main package: the list (main package) may not
 * import from a subpackage, while the 联络站 page (subpackage) may import from here.
 */
export const STATION_PAGE = '/packages/station/detail/index';

/** By id from the list; by code from a scan or a share, since the code is what is printed. */
export function stationPageUrl(by: { id: string } | { code: string }): string {
  return 'id' in by ? `${STATION_PAGE}?id=${encodeURIComponent(by.id)}` : `${STATION_PAGE}?code=${encodeURIComponent(by.code)}`;
}

export function composeUrl(stationId: string, deputyId?: string): string {
  const station = `stationId=${encodeURIComponent(stationId)}`;
  return `/packages/case/compose/index?${station}${deputyId ? `&deputyId=${encodeURIComponent(deputyId)}` : ''}`;
}

export function bookingUrl(stationId: string): string {
  return `/packages/station/booking/index?stationId=${encodeURIComponent(stationId)}`;
}

export const HELP_PAGE = '/packages/station/help/index';

/** 使用说明; with a station, its phone is offered on the page too. */
export function helpUrl(stationId?: string): string {
  return stationId ? `${HELP_PAGE}?stationId=${encodeURIComponent(stationId)}` : HELP_PAGE;
}

export const CASES_TAB = '/pages/cases/index';

export const PUBLIC_CASE_PAGE = '/packages/station/case/index';

/** A case as any resident may see it (办理公开): what is shared, never the resident's own page. */
export function publicCaseUrl(caseId: string): string {
  return `${PUBLIC_CASE_PAGE}?id=${encodeURIComponent(caseId)}`;
}

export const BOARD_PAGE = '/packages/station/board/index';

/** 办理公开 of one station, or of the whole district. */
export function boardUrl(scope: { stationId: string } | { district: string }): string {
  return 'stationId' in scope ? `${BOARD_PAGE}?stationId=${encodeURIComponent(scope.stationId)}` : `${BOARD_PAGE}?district=${encodeURIComponent(scope.district)}`;
}
