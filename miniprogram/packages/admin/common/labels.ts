/**
 * The district office's words for kinds, sectors and roles, in one place for its six pages.
 * Pure constants: no runtime value leaves the admin package.
 */
import type { StationKind, StationSector } from '../../../../typings/models';
import type { InviteStatus, WorkRole } from '../../../../typings/workspace';

export const KIND_OPTIONS: readonly { value: StationKind; label: string }[] = [
  { value: 'street', label: '街道' },
  { value: 'community', label: '社区' },
  { value: 'sector', label: '行业' },
];

/** The same words as the resident's station pages (pages/stations/station-format.ts). */
export const SECTOR_OPTIONS: readonly { value: StationSector; label: string }[] = [
  { value: 'technology', label: '科技' },
  { value: 'education', label: '教育' },
  { value: 'health', label: '医疗卫生' },
  { value: 'law', label: '法律' },
  { value: 'enterprise', label: '企业' },
];

export const ROLE_LABELS: Readonly<Record<WorkRole, string>> = {
  deputy: '人大代表',
  officer: '联络员',
  admin: '区人大常委会',
  unit: '承办单位',
};

export const INVITE_STATUS: Readonly<Record<InviteStatus, { text: string; tag: 'primary' | 'success' | 'default' | 'warning' }>> = {
  open: { text: '未使用', tag: 'primary' },
  redeemed: { text: '已使用', tag: 'success' },
  revoked: { text: '已撤销', tag: 'default' },
  expired: { text: '已过期', tag: 'warning' },
};
