import { HttpAnswer, type InspectRoute } from '../types';
import { isPlausibleOpenid } from './answers';
import { parseFault, type FaultQueue } from './faults';
import type { WxStore } from './store';

/**
 * Control and inspection routes. wx.requestSubscribeMessage runs in the WeChat client, so
 * whoever sees the user accept (the local function host, a test) reports it here; tests
 * read what WeChat accepted to send, and inject faults.
 */
const BASE = '/_emulator/wx';
// An accept with the voice or strong reminder ticked (acceptWithAudio, acceptWithAlert) grants too.
const ACCEPTED = ['accept', 'acceptWithAudio', 'acceptWithAlert'];

const badRequest = (message: string) => new HttpAnswer(400, { code: 'INVALID_PARAM', message });
const text = (query: URLSearchParams, key: string) => query.get(key) || undefined;

export function wxRoutes(store: WxStore, faults: FaultQueue): InspectRoute[] {
  return [
    {
      // { openid, templateId, count? } — or the client's own answer: { openid, results: { [templateId]: 'accept' | 'reject' | … } }
      method: 'POST',
      path: `${BASE}/subscriptions`,
      async handle(_query, body) {
        const grants = grantsFrom(body);
        if (typeof grants === 'string') return badRequest(grants);
        const openid = (body as { openid: string }).openid;
        return { openid, grants: grants.map(([templateId, count]) => store.addGrants(openid, templateId, count)) };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/subscriptions`,
      handle: async (query) => ({ grants: store.grants({ openid: text(query, 'openid'), templateId: text(query, 'templateId') }) }),
    },
    {
      method: 'DELETE',
      path: `${BASE}/subscriptions`,
      handle: async (query) => ({ deleted: store.clearGrants({ openid: text(query, 'openid') }) }),
    },
    {
      method: 'GET',
      path: `${BASE}/sent`,
      handle: async (query) => ({ sent: store.sent({ openid: text(query, 'openid'), templateId: text(query, 'templateId') }) }),
    },
    {
      method: 'DELETE',
      path: `${BASE}/sent`,
      handle: async () => ({ deleted: store.clearSent() }),
    },
    {
      // { apiName | '*', errcode? | httpStatus? | tcbCode? | delayMs?, errmsg?, times? = 1 }
      method: 'POST',
      path: `${BASE}/faults`,
      async handle(_query, body) {
        const fault = parseFault(body);
        if (typeof fault === 'string') return badRequest(fault);
        faults.add(fault);
        return { faults: faults.list() };
      },
    },
    { method: 'GET', path: `${BASE}/faults`, handle: async () => ({ faults: faults.list() }) },
    {
      method: 'DELETE',
      path: `${BASE}/faults`,
      handle: async () => {
        faults.clear();
        return { faults: [] };
      },
    },
  ];
}

/** [templateId, count] pairs from either body shape, or what is wrong with it. */
function grantsFrom(body: unknown): [string, number][] | string {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const { openid, templateId, count = 1, results } = body as Record<string, unknown>;
  if (!isPlausibleOpenid(openid)) return 'openid must be an openid ([A-Za-z0-9_-], up to 64)';
  if (results !== undefined) {
    if (typeof results !== 'object' || results === null) return 'results must map template ids to the client answer';
    // Only an accept grants a message; reject, ban and filter grant nothing.
    return Object.entries(results as Record<string, unknown>)
      .filter(([, answer]) => ACCEPTED.includes(answer as string))
      .map(([id]) => [id, 1]);
  }
  if (typeof templateId !== 'string' || templateId === '') return 'templateId is required';
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000) return 'count must be an integer from 1 to 1000';
  return [[templateId, count]];
}
