/** Why an event action was refused, in Chinese: a stable code for programs and a sentence for people. */
import { fail } from '../result';
import { fieldPath } from '../validation';

export const EVENT_REFUSALS = {
  /** The same words whether the id does not exist or is a reception day: no oracle. */
  notFound: () => fail('NOT_FOUND', '没有找到这场代表论坛或约见活动'),
  detailsMissing: () => fail('INVALID_INPUT', '代表论坛和约见须填写主题、邀请单位和地点', 'event'),
  detailsNotForThisKind: () => fail('INVALID_INPUT', '只有代表论坛和约见需要填写主题、邀请单位和地点', 'event'),
  hasNoSlots: (label: string) => fail('INVALID_INPUT', `${label}不设预约时段，请删除时段后再发布`, 'slots'),
  departmentTwice: (index: number) => fail('INVALID_INPUT', '同一个邀请单位只需填写一次', fieldPath('event', 'departments', index)),
  closed: () => fail('CONFLICT', '活动已经开始或结束，不能再报名或提问'),
  notResident: () => fail('FORBIDDEN', '请以群众身份报名或提问'),
  notYourEvent: () => fail('FORBIDDEN', '只有本站联络员和参加活动的代表可以查看群众的提问'),
  notYourStation: () => fail('FORBIDDEN', '您只能为自己负责的联络站的活动发布回顾'),
  notOverYet: (end: string) => fail('NOT_YET_DUE', `活动结束（${end}）后才能发布活动回顾`),
  risky: () => fail('CONTENT_RISKY', '问题含有不适宜发布的内容（如广告、违法信息），请修改后再提交'),
  tooManyToday: (limit: number) => fail('RATE_LIMITED', `24 小时内最多提交 ${limit} 个问题，请明天再试`),
  tooManyHere: (limit: number) => fail('RATE_LIMITED', `每场活动最多提交 ${limit} 个问题`),
} as const;
