/**
 * The layer rules, checked by dependency-cruiser (test/tooling/layer-rules.test.ts runs them on
 * the real tree and on a fixture that breaks each rule once). Paths are relative to the folder
 * depcruise runs in: the repository root, or the fixture's root.
 *
 *   npx depcruise backend emulator miniprogram typings     # what the test runs
 *
 * A maintained tool rather than another home-made import scan: it resolves every import form
 * (type-only ones included, through the TypeScript compiler) the way Node and esbuild do.
 */

/** Unit tests sit next to back-end code and may reach across layers to set a case up. */
const TESTS = '\\.test\\.[jt]s$';

/**
 * backend/ from top to bottom: a layer imports only the layers below it (and itself).
 * notifications uses data (the outbox lives in collections), so it sits above it; documents
 * (the PDF writer) sits beside data: use-cases call it, and it needs nothing above platform.
 */
const BACKEND_LAYERS = [['functions'], ['use-cases'], ['notifications'], ['data', 'documents'], ['platform'], ['domain']];

/** Pure libraries domain/ may use: no I/O, no clock, no SDK. */
const PURE_PACKAGES = ['dayjs'];

/** What the mini-program may import besides its own files and typings/. */
const MINIPROGRAM_PACKAGES = ['@vant/weapp', 'dayjs'];

/** An import that lands in one of these packages: resolved into node_modules, or (the mini-program's
 * `@vant/weapp/toast/toast`) left to WeChat's miniprogram_npm to resolve. */
const inPackages = (names) => `(^|/)node_modules/(${names.join('|')})/|^(${names.join('|')})(/|$)`;

function layerRules() {
  return BACKEND_LAYERS.flatMap((layer, rank) => {
    const below = BACKEND_LAYERS.slice(rank + 1).flat();
    return layer.map((folder) => ({
      name: `backend-order-${folder}`,
      severity: 'error',
      comment: `backend/${folder}/ may import only ${below.length ? below.map((f) => `${f}/`).join(', ') : 'itself'} within backend/ (order: ${BACKEND_LAYERS.map((l) => l.join('|')).join(' → ')})`,
      from: { path: `^backend/${folder}/`, pathNot: TESTS },
      to: { path: '^backend/', pathNot: `^backend/(${[folder, ...below].join('|')})/` },
    }));
  });
}

module.exports = {
  forbidden: [
    ...layerRules(),
    {
      name: 'function-imports-another-function',
      severity: 'error',
      comment: 'each backend/functions/<name>/ is its own deploy bundle; share code through the layers below',
      from: { path: '^backend/functions/([^/]+)/', pathNot: TESTS },
      to: { path: '^backend/functions/[^/]+/', pathNot: '^backend/functions/$1/' },
    },
    {
      name: 'backend-imports-tooling',
      severity: 'error',
      comment: 'what ships in a function bundle never pulls in the emulator, tests, scripts or the mini-program',
      from: { path: '^backend/', pathNot: TESTS },
      to: { path: '^(emulator|test|scripts|bench|miniprogram)/' },
    },
    {
      name: 'domain-imports-sdk',
      severity: 'error',
      comment: `backend/domain/ is pure: no SDK, no node: built-ins (hashing and randomness are injected), no package but ${PURE_PACKAGES.join(', ')}`,
      from: { path: '^backend/domain/', pathNot: TESTS },
      to: { dependencyTypesNot: ['local'], pathNot: inPackages(PURE_PACKAGES) },
    },
    {
      name: 'domain-imports-outside-domain',
      severity: 'error',
      comment: 'backend/domain/ imports only backend/domain/ and typings/ (configuration comes in as arguments)',
      from: { path: '^backend/domain/', pathNot: TESTS },
      to: { dependencyTypes: ['local'], pathNot: '^(backend/domain|typings)/' },
    },
    {
      name: 'emulator-imports-backend',
      severity: 'error',
      comment: "the emulator is the platform's oracle: it may not borrow the back end's code or configuration (test/emulator/independence.test.ts also catches path strings)",
      from: { path: '^emulator/' },
      to: { path: '^(backend|config)/' },
    },
    {
      name: 'miniprogram-imports-outside',
      severity: 'error',
      comment: `miniprogram/ imports only its own files, typings/ and its npm packages (${MINIPROGRAM_PACKAGES.join(', ')})`,
      from: { path: '^miniprogram/', pathNot: ['^miniprogram/miniprogram_npm/', TESTS] },
      to: { pathNot: [`^(miniprogram|typings)/`, inPackages(MINIPROGRAM_PACKAGES)] },
    },
    {
      name: 'typings-imports-outside',
      severity: 'error',
      comment: 'typings/ is the contract both sides compile against: types only, importing nothing but typings/',
      from: { path: '^typings/' },
      to: { pathNot: '^typings/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'a relative import dependency-cruiser cannot resolve would escape every rule above',
      from: {},
      // Relative only: tsc resolves type-only package paths (mingo/types/core) that Node's
      // exports map does not list, and a missing package in domain/ already fails domain-imports-sdk.
      to: { couldNotResolve: true, path: '^\\.' },
    },
  ],
  options: {
    // Type-only imports couple layers too.
    tsPreCompilationDeps: true,
    // Follow nothing inside packages (only where an import lands matters), but keep the edge.
    doNotFollow: { path: ['(^|/)node_modules/', '^miniprogram/miniprogram_npm/'] },
    // Not node_modules: an excluded path drops the edges into it too, and a rule never sees them.
    exclude: { path: ['^cloudfunctions/', '^coverage/'] },
    // Resolve packages with subpath exports (mingo/operators/…) the way Node does.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
      mainFields: ['main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
