/**
 * Tabs and rows of 代表与联络员. Pure: unit-tested in test/miniprogram/admin-view-models.test.ts.
 */
import type { ListPeopleInput, PersonView } from '../../../../typings/workspace';

/** The kinds admin.people lists; a unit's staff are kept on 承办单位 (packages/admin/units). */
export type PersonKind = ListPeopleInput['kind'];

export const PEOPLE_TABS: readonly { name: PersonKind; title: string }[] = [
  { name: 'deputy', title: '人大代表' },
  { name: 'officer', title: '联络员' },
  { name: 'admin', title: '区人大常委会' },
];

const ADD_TEXT: Readonly<Record<PersonKind, string>> = { deputy: '新增代表', officer: '新增联络员', admin: '' };
const NOUN: Readonly<Record<PersonKind, string>> = { deputy: '代表', officer: '联络员', admin: '区人大常委会人员' };

export interface PersonRow {
  id: string;
  name: string;
  detail: string;
  /** '华富街道联络站、莲花北社区联络站' or '未分配联络站' */
  stationsText: string;
  bound: boolean;
}

export function toPersonRow(person: PersonView): PersonRow {
  return {
    id: person.id,
    name: person.name,
    detail: person.detail,
    stationsText: person.stations.length ? person.stations.map((s) => s.name).join('、') : '未分配联络站',
    bound: person.bound,
  };
}

/** Only deputies and officers are saved here (admin.saveDeputy / saveOfficer); staff accounts come by invite. */
export function addText(kind: PersonKind): string {
  return ADD_TEXT[kind];
}

export function emptyText(kind: PersonKind, query: string): string {
  return query ? `没有找到名字含「${query}」的${NOUN[kind]}` : `还没有${NOUN[kind]}`;
}
