/** What the consultation suites share: the people, a 20-article draft written out by hand, and the clock moved by hand. */
import { randomUUID } from 'node:crypto';
import type { Backend } from './harness';
import { shanghaiDate, addDays } from '../../backend/domain/calendar';

export const ADMIN = 'odemo-admin';
export const OFFICER = 'odemo-officer';
/** 华富街道's street station and its first community station: odemo-officer staffs both. */
export const STATION_A = 'st-ft-hf';
export const STATION_B = 'st-ft-hf-01';
export const TITLE = '《深圳经济特区物业管理条例（修订草案征求意见稿）》';
export const ASKED_BY = '深圳市人大常委会法制工作委员会';

export const requestId = (): string => `req-${randomUUID()}`;
export const today = (): string => shanghaiDate(new Date());
export const inDays = (days: number): string => addDays(today(), days);

/** Twenty articles in two chapters, numbered in words as a draft prints them. */
export const DRAFT_20 = [
  '深圳经济特区物业管理条例（修订草案征求意见稿）',
  '第一章　总则',
  '第一条　为了规范物业管理活动，维护业主和物业服务企业的合法权益，制定本条例。',
  '第二条　本条例适用于经济特区内的物业管理活动。',
  '第三条　物业管理应当坚持党的领导，实行业主自治与专业服务相结合。',
  '第四条　市、区住房和建设部门负责物业管理活动的监督管理。',
  '第五条　街道办事处指导和监督业主大会、业主委员会的日常活动。',
  '第二章　业主和业主大会',
  '第六条　房屋的所有权人为业主。',
  '第七条　业主享有下列权利：',
  '（一）按照物业服务合同的约定，接受物业服务；',
  '（二）提议召开业主大会会议。',
  '第八条　业主大会由物业管理区域内全体业主组成。',
  '第九条　业主大会会议可以采用集体讨论形式，也可以采用电子投票形式。',
  '第十条　业主委员会是业主大会的执行机构。',
  '第十一条　业主委员会委员应当是物业管理区域内的业主。',
  '第十二条　业主委员会应当每季度公开物业服务收支情况。',
  '第十三条　物业服务企业应当公示收费项目和标准。',
  '第十四条　物业服务企业不得以停水停电方式催交物业费。',
  '第十五条　住宅专项维修资金属于业主所有。',
  '第十六条　电梯、消防设施需要紧急维修的，可以申请使用维修资金。',
  '第十七条　物业服务合同期满前三个月，业主大会应当作出续聘或者另聘的决定。',
  '第十八条　违反本条例规定的，由主管部门责令改正。',
  '第十九条　本条例所称物业服务企业，是指依法设立并取得营业执照的企业。',
  '第二十条　本条例自　年　月　日起施行。',
].join('\n');

export function publishInput(over: Record<string, unknown> = {}) {
  return {
    requestId: requestId(),
    title: TITLE,
    askedBy: ASKED_BY,
    summary: '为完善物业管理制度，现就修订草案公开征求意见。',
    text: DRAFT_20,
    stationIds: [STATION_A, STATION_B],
    closesOn: inDays(14),
    ...over,
  };
}

/** The consultation's last day moved into the past: it is closed from now on. */
export async function close(backend: Backend, consultationId: string): Promise<void> {
  await backend.db
    .collection('consultations')
    .doc(consultationId)
    .update({ closesOn: addDays(today(), -1) });
}

export async function stored(backend: Backend, collection: string, where: Record<string, unknown>): Promise<Record<string, any>[]> {
  const { data } = await backend.db.collection(collection).where(where).limit(1000).get();
  return data;
}
