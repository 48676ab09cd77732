import { getReportSchema, listReportsSchema, publishReportSchema, rateReportSchema } from '../../domain/report';
import { callContext } from '../../platform/call-context';
import { ANYONE, defineApi } from '../define-api';
import { getReport, listReports, publishReport, rateReport, type ReportContext } from '../../use-cases/reports';

const PUBLISHERS = ['deputy', 'officer'] as const;
const RESIDENT = ['resident'] as const;

const context = (): ReportContext => callContext();

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
