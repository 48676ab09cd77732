import { createHash, randomBytes } from 'node:crypto';
import { getReportSchema, listReportsSchema, publishReportSchema, rateReportSchema } from '../../domain/report';
import { cloudbase, database } from '../../platform/cloudbase';
import { createWxGateway } from '../../platform/wx-gateway';
import { ANYONE, defineApi } from '../define-api';
import { getReport, listReports, publishReport, rateReport, type ReportContext } from '../../use-cases/reports';

const PUBLISHERS = ['deputy', 'officer'] as const;
const RESIDENT = ['resident'] as const;

function context(): ReportContext {
  // WeChat's content check gets 3 s, well inside the function's timeout (config.json).
  return {
    db: database(),
    wx: createWxGateway(cloudbase(), { timeoutMs: 3000 }),
    now: new Date(),
    hash: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    randomId: () => randomBytes(16).toString('hex'),
  };
}

/**
 * 述职报告: deputies (their own) and liaison officers (for a deputy of their stations) publish;
 * anyone reads; residents rate, once per WeChat account, anonymously. The clock is read here,
 * once per call.
 */
export const main = defineApi({
  publish: {
    allow: PUBLISHERS,
    input: publishReportSchema,
    run: (input, who, caller) => publishReport(context(), who, caller.openid, input),
  },
  list: {
    allow: ANYONE,
    input: listReportsSchema,
    run: (input) => listReports(context(), input),
  },
  get: {
    allow: ANYONE,
    input: getReportSchema,
    run: (input, caller) => getReport(context(), caller.openid, input.reportId),
  },
  rate: {
    allow: RESIDENT,
    input: rateReportSchema,
    run: (input, who) => rateReport(context(), who.actor, input),
  },
});
