import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds where a source file reaches into other parts of the repository: every module
 * specifier (import, export … from, import = require, require(), require.resolve(), import(),
 * `import('…')` types, jest.mock/requireActual) resolved to an absolute path, and every plain
 * string that spells a repository path by hand (`path.join(root, 'config/…')`). Parsed with
 * the TypeScript compiler, so comments, odd spacing and `..//` do not hide anything.
 */
export interface Reference {
  /** What the source wrote. */
  text: string;
  /** Absolute path it names, or null for a package (node:fs, mingo). */
  resolved: string | null;
  kind: 'module' | 'path-string';
  line: number;
}

const MODULE_CALLS = new Set(['require', 'require.resolve', 'jest.mock', 'jest.requireActual', 'jest.doMock', 'jest.unmock']);

export function referencesIn(file: string, source = fs.readFileSync(file, 'utf8')): Reference[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, scriptKind(file));
  const found: Reference[] = [];
  const specifierNodes = new Set<ts.Node>();
  const add = (node: ts.Node, kind: Reference['kind']) => {
    if (!ts.isStringLiteralLike(node)) return;
    if (kind === 'module') specifierNodes.add(node);
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    found.push({ text: node.text, resolved: resolveSpecifier(file, node.text), kind, line });
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) add(node.moduleSpecifier, 'module');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, 'module');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, 'module');
    else if (ts.isCallExpression(node) && node.arguments.length > 0 && isModuleCall(node)) add(node.arguments[0], 'module');
    else if ((ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) && !specifierNodes.has(node) && looksLikeRepoPath(node.text)) {
      found.push({ text: node.text, resolved: null, kind: 'path-string', line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isModuleCall(call: ts.CallExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return MODULE_CALLS.has(call.expression.getText().replace(/\s+/g, ''));
}

function resolveSpecifier(fromFile: string, specifier: string): string | null {
  const bare = specifier.replace(/[?#].*$/, '');
  if (bare.startsWith('.') || path.isAbsolute(bare)) return path.resolve(path.dirname(fromFile), bare);
  return null;
}

/** A path such as `../../backend/x`, `config/x.json`, `backend` or a template's `/config/x.json` part. */
function looksLikeRepoPath(text: string): boolean {
  return /^[\\/]*(?:\.{1,2}[\\/]+)*[\w.-]+(?:[\\/]+[\w.-]+)*[\\/]*$/.test(text) && /(?:^|[\\/])(?:backend|config)(?:[\\/]|$)/.test(text);
}

function scriptKind(file: string): ts.ScriptKind {
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

/** Whether `target` is `dir` or inside it. */
export function isInside(target: string, dir: string): boolean {
  const relative = path.relative(dir, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function sourceFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
