import type { ErrorCode } from '../../typings/errors';
import { MAX_REOPENS } from './case/case.status';

/** What a person reads when a call fails, by stable code. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ACTION: '暂不支持这个操作，请更新小程序后再试',
  NOT_FOUND: '没有找到相关内容，可能已被删除',
  FORBIDDEN: '您没有权限进行这个操作',
  UNAUTHENTICATED: '请在微信中打开小程序后再试',
  CONFLICT: '内容已被他人更新，请刷新后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_RISKY: '内容含有不适宜发布的信息，请修改后再提交',
  DUPLICATE_CONTENT: '您最近已提交过相同内容的留言，请在“我的留言”中查看办理进度',
  ILLEGAL_TRANSITION: '留言当前的状态不能进行这个操作，请刷新后再试',
  REOPEN_LIMIT: `每件留言最多申请重办 ${MAX_REOPENS} 次`,
  NOT_YET_DUE: '还没到可以进行这个操作的时间',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  BOOKING_LIMIT: '您未到期的预约已达上限，请先取消一个再预约',
  INTERNAL: '系统繁忙，请稍后再试',
};
