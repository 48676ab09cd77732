/** How each role reads in the app; shared by 我的 and the invite page (subpackages may import the main package). */
import type { UserRole } from '../../../typings/models';

export const ROLE_LABELS: Record<UserRole, string> = {
  resident: '群众',
  deputy: '人大代表',
  officer: '联络员',
  admin: '区人大常委会',
  unit: '承办单位',
};
