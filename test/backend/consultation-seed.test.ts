/** The demo 立法意见征集 of `npm start` (scripts/seed/consultation.ts): 20 articles, open, two comments, and seeding again adds nothing. */
import { seedDemoConsultation } from '../../scripts/seed/consultation';
import { startBackend, type Backend } from './harness';
import { today } from './consultation-fixtures';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['consultation'] });
}, 240_000);

afterAll(() => backend?.close());

it('publishes the demo draft at the two 华富 stations with two comments, once however often it runs', async () => {
  const call = async (fn: string, event: Record<string, unknown>, openid: string) => (await backend.callRaw(fn, event, openid)).body;
  const id = await seedDemoConsultation(call, today());
  expect(await seedDemoConsultation(call, today())).toBe(id);
  const detail = await backend.data('consultation', 'get', { consultationId: id });
  expect(detail).toMatchObject({
    title: '《深圳经济特区物业管理条例（修订草案征求意见稿）》',
    status: 'open',
    articleCount: 20,
    comments: 2,
    participants: 2,
    generalComments: 0,
  });
  expect(detail.stations.map((s) => s.id)).toEqual(['st-ft-hf', 'st-ft-hf-01']);
  expect(detail.articles.filter((a) => a.comments > 0).map((a) => [a.label, a.comments])).toEqual([
    ['第十二条', 1],
    ['第十四条', 1],
  ]);
  const { data } = await backend.db.collection('consultations').get();
  expect(data).toHaveLength(1);
});
