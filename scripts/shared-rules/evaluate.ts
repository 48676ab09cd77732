/**
 * For the tests: runs a generated module as the mini-program would (types erased, nothing
 * required) and returns its exports, so a test compares values rather than text.
 */
import ts from 'typescript';

export function evaluate(source: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  const exports: Record<string, unknown> = {};
  new Function('exports', 'require', outputText)(exports, (name: string) => {
    throw new Error(`a generated module requires nothing at run time, yet asked for ${name}`);
  });
  return exports;
}
