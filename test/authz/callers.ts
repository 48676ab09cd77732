/**
 * Who calls in the matrix: the demo accounts as the insiders, and for each role an outsider
 * of the same role whose scope does not reach the demo subjects (another resident, an officer
 * and a deputy of 莲花街道's station, an admin of another district, the staff of another
 * handling unit — 区城市管理和综合执法局's, where the insider is 区住房和建设局's).
 */
import type { Backend } from '../backend/harness';

export type CallerKind = 'anonymous' | 'resident' | 'deputy' | 'officer' | 'admin' | 'unit';

export const CALLERS: Record<CallerKind, string | undefined> = {
  anonymous: undefined,
  resident: 'odemo-resident',
  deputy: 'odemo-deputy',
  officer: 'odemo-officer',
  admin: 'odemo-admin',
  unit: 'odemo-unit',
};

export const OUTSIDERS: Record<Exclude<CallerKind, 'anonymous'>, string> = {
  resident: 'odemo-resident-2',
  deputy: 'otest-matrix-deputy-lh',
  officer: 'otest-matrix-officer-lh',
  admin: 'otest-matrix-admin-ns',
  // Seeded like the second resident: staff of unit-ft-cgj, a unit the demo subjects never assign.
  unit: 'odemo-unit-2',
};

/** A station of another street: neither the demo officer nor the demo deputy serves it. */
export const OTHER_STATION = 'st-ft-lh';

export async function arrangeOutsiders(backend: Backend): Promise<void> {
  const createdAt = new Date();
  await backend.db.collection('deputies').add({
    _id: 'dp-matrix-lh',
    name: '邱建国',
    level: 'district',
    delegation: '福田区代表团 莲花选区',
    occupation: '莲花街道社区工作者',
    stationIds: [OTHER_STATION],
    openid: OUTSIDERS.deputy,
    createdAt,
  });
  await backend.db.collection('staff').add([
    { _id: 'sf-matrix-lh', name: '陈立', role: 'officer', phone: '0755-00000001', stationIds: [OTHER_STATION], district: '福田区', openid: OUTSIDERS.officer, createdAt },
    { _id: 'sf-matrix-ns', name: '林慧', role: 'admin', phone: '0755-00000002', stationIds: [], district: '南山区', openid: OUTSIDERS.admin, createdAt },
  ]);
  await backend.db.collection('users').add([
    { _id: 'us-matrix-deputy-lh', openid: OUTSIDERS.deputy, role: 'deputy', deputyId: 'dp-matrix-lh', createdAt },
    { _id: 'us-matrix-officer-lh', openid: OUTSIDERS.officer, role: 'officer', staffId: 'sf-matrix-lh', createdAt },
    { _id: 'us-matrix-admin-ns', openid: OUTSIDERS.admin, role: 'admin', staffId: 'sf-matrix-ns', createdAt },
  ]);
}
