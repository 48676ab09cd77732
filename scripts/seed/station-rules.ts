/**
 * Rules posted on a station's wall (五上墙: 规章制度, `003`). The wording follows the
 * seed texts: reception days and the week-ahead notice (`003`, `004`), voter-contact quotas
 * (`003`), the study / deliberation / archive rules of a station (`004`), routing by
 * jurisdiction (`003`) and the sector stations' themed duty day (`004`).
 */
import type { StationKind } from '../../typings/models';
import type { Random } from './prng';

const RECEPTION = '接待选民制度:每月10日为“代表统一接待选民日”,每月另安排一次驻站代表接待;接待时间、地点、代表姓名、联络员姓名和联系电话提前一周公告。';
const CONTACT = '联系选民制度:驻站代表每年联系选民不少于30人次,走访原选区选民每年不少于3次,每年为选民至少办1件实事。';
const STUDY = '学习制度:驻站代表定期参加履职学习培训,学习宪法、代表法和新颁布的法律法规,提高履职能力。';
const DELIBERATION = '议事制度:每季度召开一次驻站代表议事会,围绕辖区群众关注的热点难点问题商议对策。';
const ARCHIVE = '档案管理制度:代表接待、走访、回访及选民意见建议的办理情况一一登记在案,按年度整理归档。';
const ROUTING = '意见建议办理制度:街道职权范围内的问题转街道办事处办理;涉及全区的问题以《代表函》报区人大常委会转交办理;办理结果及时反馈选民。';
const PUBLICITY = '公示制度:代表名录、接待安排表、规章制度、代表履职情况、代表述职报告“五上墙”,接受群众监督。';
const REPORTING = '述职评议制度:驻站代表每届至少向选民述职一次,接受选民评议。';
const SECTOR_DAY = '行业代表主题履职日制度:每两个月组织驻站各级人大代表围绕行业发展确定履职主题,开展调研、接待选民。';

const OPTIONAL: readonly string[] = [STUDY, DELIBERATION, ARCHIVE, ROUTING, PUBLICITY, REPORTING];

/** Three to five rules: every station receives and contacts voters; the rest varies. */
export function stationRules(kind: StationKind, random: Random): string[] {
  const fixed = kind === 'sector' ? [RECEPTION, SECTOR_DAY] : [RECEPTION, CONTACT];
  const extra = random.shuffle(OPTIONAL).slice(0, random.int(1, 3));
  // Keep the wall in a stable reading order rather than the order they were drawn.
  return [...fixed, ...OPTIONAL.filter((rule) => extra.includes(rule))];
}
