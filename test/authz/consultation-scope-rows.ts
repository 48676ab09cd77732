/**
 * The scope rows of 立法意见征集 (`consultation.*`), spread into SCOPE_ROWS. Each subject is made
 * through the API by the demo office (福田区) at the demo officer's street station, and moved to
 * the state its row needs (closed by moving its last day into the past, compiled, forwarded) —
 * inside the demo officer's and the demo office's scope, outside 莲花街道's officer's and 南山区's
 * office's. Residents act through a fresh openid each, so the rows never meet the demo
 * resident's rate limit; the outsider resident is the second demo resident.
 */
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import type { ApiResult } from '../../typings/errors';
import { newOpenid } from '../backend/harness';
import { CALLERS } from './callers';
import type { ScopeRow } from './scope-rows';
import { STATION, type Subjects } from './subjects';

const ADMIN = CALLERS.admin!;
const OFFICER = CALLERS.officer!;
const requestId = () => `req-${randomUUID()}`;
const today = () => shanghaiDate(new Date());

async function consultationOf(s: Subjects): Promise<string> {
  const made = await s.backend.data(
    'consultation',
    'publish',
    {
      requestId: requestId(),
      title: '《深圳经济特区物业管理条例（修订草案）》',
      askedBy: '深圳市人大常委会法工委',
      summary: '公开征求意见。',
      text: '第一条　为了规范物业管理，制定本条例。\n第二条　本条例自公布之日起施行。',
      stationIds: [STATION],
      closesOn: addDays(today(), 10),
    },
    ADMIN,
  );
  return made.id;
}

const close = (s: Subjects, consultationId: string) =>
  s.backend.db
    .collection('consultations')
    .doc(consultationId)
    .update({ closesOn: addDays(today(), -1) });

/** A resident's comment on article 1, with the resident who gave it. */
async function commentOf(s: Subjects, consultationId: string): Promise<{ commentId: string; owner: string }> {
  const owner = newOpenid('cs-matrix');
  const made = await s.backend.data(
    'consultation',
    'comment',
    { requestId: requestId(), consultationId, stationId: STATION, articleNo: 1, text: '建议明确物业费的公示方式。' },
    owner,
  );
  return { commentId: made.id, owner };
}

/** A closed consultation whose one comment the demo officer forwarded; compiled when asked. */
async function forwarded(s: Subjects, compiled: boolean): Promise<{ consultationId: string; commentId: string }> {
  const consultationId = await consultationOf(s);
  const { commentId } = await commentOf(s, consultationId);
  await s.backend.data('consultation', 'review', { commentId, review: 'forward' }, OFFICER);
  await close(s, consultationId);
  if (compiled) await s.backend.data('consultation', 'compile', { consultationId }, ADMIN);
  return { consultationId, commentId };
}

const refusedAsInput = (answer: ApiResult<unknown>) => expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

export const CONSULTATION_SCOPE_ROWS: Record<string, ScopeRow> = {
  // Another district's office may not open one at this district's stations.
  'consultation.publish': async () => ({
    input: {
      requestId: requestId(),
      title: '《某某条例（草案）》',
      askedBy: '市人大常委会法工委',
      summary: '征求意见。',
      text: '第一条　内容。',
      stationIds: [STATION],
      closesOn: addDays(today(), 8),
    },
    outsider: refusedAsInput,
  }),
  'consultation.list': async () => ({ input: { stationId: STATION }, outsider: 'none' }),
  'consultation.get': async (_kind, s) => ({ input: { consultationId: await consultationOf(s) }, outsider: 'none' }),
  // A comment is the caller's own: nothing of anyone else's to keep an outsider from.
  'consultation.comment': async (_kind, s) => ({
    input: { requestId: requestId(), consultationId: await consultationOf(s), stationId: STATION, articleNo: 2, text: '建议写明施行日期。' },
    caller: newOpenid('cs-matrix'),
    outsider: 'none',
  }),
  'consultation.withdraw': async (_kind, s) => {
    const { commentId, owner } = await commentOf(s, await consultationOf(s));
    return { input: { commentId }, caller: owner };
  },
  'consultation.mine': async () => ({ input: {}, caller: newOpenid('cs-matrix'), outsider: 'none' }),
  'consultation.record': async (_kind, s) => ({
    input: { requestId: requestId(), consultationId: await consultationOf(s), stationId: STATION, text: '群众口述：建议增加投诉电话。' },
  }),
  'consultation.claimCode': async (_kind, s) => {
    const recorded = await s.backend.data(
      'consultation',
      'record',
      { requestId: requestId(), consultationId: await consultationOf(s), stationId: STATION, text: '群众口述：物业费要公开。' },
      OFFICER,
    );
    return { input: { commentId: recorded.comment.id } };
  },
  // Whoever holds the code confirms it: the code is the scope.
  'consultation.claim': async (_kind, s) => {
    const recorded = await s.backend.data(
      'consultation',
      'record',
      { requestId: requestId(), consultationId: await consultationOf(s), stationId: STATION, text: '群众口述：电梯维修要快。' },
      OFFICER,
    );
    return { input: { code: recorded.claim.code }, caller: newOpenid('cs-matrix'), outsider: 'none' };
  },
  'consultation.comments': async (_kind, s) => ({ input: { consultationId: await consultationOf(s), stationId: STATION } }),
  'consultation.review': async (_kind, s) => ({ input: { commentId: (await commentOf(s, await consultationOf(s))).commentId, review: 'forward' } }),
  'consultation.edit': async (_kind, s) => ({ input: { commentId: (await forwarded(s, false)).commentId, editedText: '建议明确物业费公示方式。' } }),
  'consultation.compile': async (_kind, s) => ({ input: { consultationId: (await forwarded(s, false)).consultationId } }),
  'consultation.report': async (_kind, s) => ({ input: { consultationId: (await forwarded(s, true)).consultationId } }),
  'consultation.adopt': async (_kind, s) => ({ input: { commentId: (await forwarded(s, true)).commentId, note: '第一条增加了公示方式。' } }),
  'consultation.uploadPaths': async () => ({ input: { extensions: ['pdf'] }, outsider: 'none' }),
};
