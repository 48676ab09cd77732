/**
 * Why a booking or a cancellation was refused, in Chinese: each refusal is a stable (code,
 * detail) pair, the code for programs, the sentence for people. `SLOT_FULL` and
 * `BOOKING_LIMIT` are the ones a client would want to branch on (refresh the places; open
 * 我的预约 to cancel one).
 */
import { fail } from '../result';

export const BOOKING_REFUSALS = {
  receptionNotFound: () => fail('NOT_FOUND', '没有找到这次接待，可能已被取消'),
  receptionOver: () => fail('CONFLICT', '这次接待已经结束，请选择其他接待日'),
  bookingClosed: () => fail('CONFLICT', '预约已截止：请在接待日前一天 18:00 前预约'),
  noSuchSlot: () => fail('INVALID_INPUT', '没有这个时段，请重新选择', 'slotIndex'),
  deputyNotAttending: () => fail('INVALID_INPUT', '这位代表不参加这次接待，请重新选择', 'deputyId'),
  alreadyBooked: () => fail('CONFLICT', '您已预约了这次接待，如需更换时段请先取消原预约'),
  slotFull: () => fail('SLOT_FULL', '该时段已约满，请选择其他时段'),
  openLimitReached: (limit: number) => fail('BOOKING_LIMIT', `您已有 ${limit} 个未到期的预约，请先取消一个再预约`),
  bookingNotFound: () => fail('NOT_FOUND', '没有找到这条预约'),
  bookingFinished: () => fail('CONFLICT', '这次接待已经结束，不能取消'),
  slotStarted: () => fail('CONFLICT', '预约时段已开始，不能取消'),
} as const;
