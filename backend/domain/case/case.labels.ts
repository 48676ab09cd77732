/**
 * Chinese for everything a person reads about a case. Imports types only, so the
 * mini-program can bundle this file as it is.
 */
import type { ActorRole } from './actor';
import type { CaseCommandKind } from './case.commands';
import type { CaseEventKind } from './case.events';
import type { CaseCategory, RatingValue, TransferRoute } from './case.state';
import type { CaseStatus } from './case.status';

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  submitted: '已提交',
  accepted: '已受理',
  rejected: '不予受理',
  transferred: '已转办',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** The status as the subject of a sentence: "留言{phrase}，不能撤回". */
export const STATUS_PHRASES: Readonly<Record<CaseStatus, string>> = {
  submitted: '尚未受理',
  accepted: '已受理',
  rejected: '已不予受理',
  transferred: '已转办',
  in_progress: '正在办理',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** Button and error-message verbs. */
export const COMMAND_LABELS: Readonly<Record<CaseCommandKind, string>> = {
  withdraw: '撤回',
  supplement: '补充说明',
  rate: '评价',
  request_reopen: '申请重办',
  accept: '受理',
  reject: '不予受理',
  assign: '指派代表',
  transfer: '转办',
  start: '开始办理',
  reply: '答复',
  record_answer: '登记承办单位答复',
  supervise: '督办',
  follow_up: '回访',
  close: '办结',
  merge: '合并办理',
  auto_close: '自动办结',
  escalate: '逾期督办',
  request_transfer: '建议转办',
  mark_suggestion: '提为代表建议',
};

/** Timeline headings. */
export const EVENT_LABELS: Readonly<Record<CaseEventKind, string>> = {
  submitted: '提交留言',
  withdrawn: '撤回留言',
  supplemented: '补充说明',
  rated: '评价',
  reopened: '重办',
  accepted: '受理',
  rejected: '不予受理',
  assigned: '指派代表',
  transferred: '转办',
  started: '开始办理',
  replied: '答复',
  answer_recorded: '承办单位答复',
  supervised: '督办',
  followed_up: '回访',
  closed: '办结',
  merged: '合并办理',
  transfer_requested: '代表建议转办',
  suggestion_marked: '提为代表建议',
};

export const CATEGORY_LABELS: Readonly<Record<CaseCategory, string>> = {
  opinion: '意见',
  suggestion: '建议',
  help: '求助',
  complaint: '投诉',
  unsure: '不确定',
};

export const RATING_LABELS: Readonly<Record<RatingValue, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const TRANSFER_ROUTE_LABELS: Readonly<Record<TransferRoute, string>> = {
  street_office: '转街道办事处办理',
  district_committee: '以《代表函》报区人大常委会转交承办单位',
  city_deputy: '商请市人大代表向市人大反映',
};

export const ACTOR_ROLE_LABELS: Readonly<Record<ActorRole, string>> = {
  resident: '群众',
  deputy: '人大代表',
  officer: '联络员',
  admin: '区人大常委会',
  system: '系统',
};
