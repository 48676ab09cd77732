/**
 * The demo 立法意见征集 for `npm start`: a short draft of 20 articles, open at 华富街道's street
 * station and its first community station (the demo officer's), with two residents' comments.
 * Made through the `consultation` function itself (publish, comment), so its counters and notices
 * are what the app makes; fixed request ids make it idempotent — seeding again, on any day,
 * answers the same consultation and comments and adds nothing.
 */
import { addDays } from '../../backend/domain/calendar';
import { DEMO_OPENIDS } from './demo-accounts';

/** One function call through the host, as the mini-program makes it. */
export type CallFunction = (
  fn: string,
  event: Record<string, unknown>,
  openid: string,
) => Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } }>;

export const DEMO_CONSULTATION_STATIONS = ['st-ft-hf', 'st-ft-hf-01'];

export const DEMO_DRAFT = [
  '第一章　总则',
  '第一条　为了规范物业管理活动，维护业主、物业使用人和物业服务企业的合法权益，营造安全、文明、和谐的居住环境，制定本条例。',
  '第二条　本条例适用于经济特区内的物业管理活动及其监督管理。',
  '第三条　物业管理应当坚持党的领导，实行业主自治、专业服务与政府监管相结合。',
  '第四条　市、区住房和建设部门负责物业管理活动的监督管理工作。',
  '第五条　街道办事处指导和监督业主大会、业主委员会的日常活动，调解物业管理纠纷。',
  '第二章　业主、业主大会和业主委员会',
  '第六条　房屋的所有权人为业主。',
  '第七条　业主有权按照物业服务合同的约定接受物业服务，提议召开业主大会会议。',
  '第八条　业主大会由物业管理区域内全体业主组成，代表和维护全体业主的合法权益。',
  '第九条　业主大会会议可以采用集体讨论形式，也可以采用书面征求意见或者电子投票形式。',
  '第十条　业主委员会是业主大会的执行机构，对业主大会负责。',
  '第十一条　业主委员会委员应当是物业管理区域内的业主，遵纪守法，热心公益。',
  '第十二条　业主委员会应当每季度公开物业服务收支情况和维修资金使用情况。',
  '第三章　物业服务',
  '第十三条　物业服务企业应当在物业管理区域内显著位置公示收费项目、标准和服务内容。',
  '第十四条　物业服务企业不得以停止供水、供电、供气等方式催交物业服务费。',
  '第十五条　住宅专项维修资金属于业主所有，专项用于共用部位、共用设施设备的维修和更新。',
  '第十六条　电梯、消防设施等危及人身安全需要紧急维修的，可以按照应急程序使用维修资金。',
  '第十七条　物业服务合同期满前三个月，业主大会应当作出续聘或者另聘物业服务企业的决定。',
  '第四章　附则',
  '第十八条　违反本条例规定的，由主管部门责令限期改正；逾期不改正的，依法予以处罚。',
  '第十九条　本条例所称物业服务企业，是指依法设立、取得营业执照、从事物业服务的企业。',
  '第二十条　本条例自　年　月　日起施行。',
].join('\n');

const COMMENTS = [
  {
    openid: DEMO_OPENIDS.resident,
    requestId: 'seed-consultation-comment-1',
    stationId: 'st-ft-hf',
    articleNo: 14,
    text: '建议明确以停水停电方式催费的罚则，并写明居民可以向哪个部门投诉。',
    printedName: '王建国',
    occupation: '退休教师',
  },
  { openid: DEMO_OPENIDS.resident2, requestId: 'seed-consultation-comment-2', stationId: 'st-ft-hf-01', articleNo: 12, text: '收支情况建议每月在小区公告栏和线上同时公开。' },
];

/** Publishes the demo consultation (once) and its comments; answers its id. */
export async function seedDemoConsultation(call: CallFunction, today: string): Promise<string> {
  const published = await call(
    'consultation',
    {
      action: 'publish',
      requestId: 'seed-demo-consultation-1',
      title: '《深圳经济特区物业管理条例（修订草案征求意见稿）》',
      askedBy: '深圳市人大常委会法制工作委员会',
      summary: '为完善物业管理制度，回应群众对物业收费、维修资金和业主委员会运作的关切，现将修订草案征求意见稿公开征求意见。',
      text: DEMO_DRAFT,
      stationIds: DEMO_CONSULTATION_STATIONS,
      closesOn: addDays(today, 30),
    },
    DEMO_OPENIDS.admin,
  );
  if (!published.ok) throw new Error(`seeding the demo consultation: ${published.error?.code} ${published.error?.message}`);
  const consultationId = String(published.data?.id);
  for (const { openid, ...comment } of COMMENTS) {
    const answer = await call('consultation', { action: 'comment', consultationId, ...comment }, openid);
    // Closed by now (a data folder seeded long ago): the comments are there from the first seeding.
    if (!answer.ok && answer.error?.code !== 'ILLEGAL_TRANSITION') throw new Error(`seeding a demo comment: ${answer.error?.code} ${answer.error?.message}`);
  }
  return consultationId;
}
