import { Context, Query } from 'mingo';
import type { Options, PipelineOperator } from 'mingo/types/core';
import { CloudBaseError } from '../types';
import { invalidOperator, requestFailed } from './errors';
import { conformanceExpressionOperators } from './expression-operators';

/**
 * A private mingo context (no global operator registry): expressions, accumulators and
 * pipeline stages for aggregate and `$expr`. Subpath modules are loaded with require because
 * the project's `moduleResolution: node` cannot see mingo's package `exports`.
 */
type OperatorTable = Record<string, never>;

/* eslint-disable @typescript-eslint/no-require-imports */
const expressionOps = require('mingo/operators/expression') as OperatorTable;
const accumulatorOps = require('mingo/operators/accumulator') as OperatorTable;
const pipelineOps = require('mingo/operators/pipeline') as Record<string, PipelineOperator>;
const projectionOps = require('mingo/operators/projection') as OperatorTable;
const queryOps = require('mingo/operators/query') as OperatorTable;
const windowOps = require('mingo/operators/window') as OperatorTable;
const { MingoError } = require('mingo/util') as { MingoError: new (...args: never[]) => Error };
/* eslint-enable @typescript-eslint/no-require-imports */

const baseContext = Context.init({
  expression: { ...expressionOps, ...conformanceExpressionOperators },
  accumulator: accumulatorOps,
  projection: projectionOps,
  query: queryOps,
  window: windowOps,
});

/** The standard pipeline stages, by name (the aggregate module picks which it allows). */
export const standardStages: Record<string, PipelineOperator> = Object.fromEntries(Object.entries(pipelineOps).filter(([name]) => name.startsWith('$')));

/** Options for mingo with the given pipeline stages. */
export function mingoOptions(stages: Record<string, PipelineOperator> = {}): Partial<Options> {
  return {
    context: Context.merge(Context.init({ pipeline: stages }), baseContext),
    useGlobalContext: false,
    useStrictMode: true,
    scriptEnabled: false,
    idKey: '_id',
  };
}

const exprOptions = mingoOptions();

/** Evaluates a `$expr` filter on a document through mingo's expression engine. */
export function compileExpr(expression: unknown): (doc: object) => boolean {
  const query = withMingoErrors(() => new Query({ $expr: expression }, exprOptions));
  return (doc) => withMingoErrors(() => query.test(doc));
}

/**
 * Runs mingo, answering its refusals as CloudBase does: an unknown operator is
 * DATABASE_INVALID_OPERRATOR, any other invalid expression DATABASE_REQUEST_FAILED. Anything
 * else is a bug of ours and stays an internal error (the server answers it without details).
 */
export function withMingoErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CloudBaseError || !(error instanceof MingoError)) throw error;
    const unknown = /^(?:accumulator '(\$\w+)' is not registered|unknown (?:top level |query )?operator:? (\$\w+))/.exec(error.message);
    if (unknown) throw invalidOperator(unknown[1] ?? unknown[2], 'aggregation expression');
    throw requestFailed(error.message);
  }
}
