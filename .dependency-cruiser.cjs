// Layering rules for src/ (STYLE.md, "The shape"), checked by `npm run lint`:
//   main -> cli -> db / render / rules / config / io -> domain
// A rule fails the build; it does not warn. If you break one on purpose, change the rule here in
// the same commit and say why, so the picture in STYLE.md and this file stay the same picture.
// CommonJS because package.json says "type": "module" and dependency-cruiser 17 loads its config
// with require(). test/unit/layering.test.ts proves each rule fires on a small fixture tree.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'only-main-touches-process',
      comment:
        'Only src/main.ts (the composition root) may touch `process`: argv, env, streams and exit ' +
        'arrive everywhere else through parameters (MainDeps, Ctx, IO), so tests can pass buffers ' +
        'and a fixed env. ESLint (eslint.config.js) forbids the `process` global; this rule ' +
        'forbids the `node:process` module, which ESLint cannot tell apart from any other import.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^(node:)?process$' },
    },
    {
      name: 'rules-are-pure',
      comment:
        'src/rules turns facts + { asOf, config } into a verdict and nothing else: it may import ' +
        'src/domain, other src/rules modules and npm packages (zod). No node: builtins, no SQL ' +
        '(src/db), no streams or clock (src/io), no commands (src/cli), no output (src/render), ' +
        'no config files (src/config). Whatever a rule needs arrives in its arguments.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { pathNot: '^src/(domain|rules)/', dependencyTypesNot: ['npm'] },
    },
    {
      name: 'render-is-pure',
      comment:
        'src/render turns a model into a string and returns it; it never prints, queries or ' +
        'parses flags. So no src/db, src/io or src/cli, and no node: builtins that do I/O. ' +
        'The records it reads are domain types (src/domain), not database rows.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: {
        path: [
          '^src/(db|io|cli)/',
          '^(node:)?(fs|fs/promises|child_process|net|http|https|os|process|readline|tty|worker_threads|cluster|dgram|dns)$',
        ],
      },
    },
    {
      name: 'db-below-cli',
      comment:
        'src/db is the only place with SQL and sits below the commands: it returns domain ' +
        'records and never knows how they are shown or which command asked. Importing src/cli ' +
        'or src/render from src/db turns the layering upside down.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(cli|render)/' },
    },
    {
      name: 'domain-is-the-core',
      comment:
        'src/domain (entities, input schemas, money, dates) is what every other layer shares, so ' +
        'it depends on none of them: it may import only other src/domain modules and npm packages.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'no-circular',
      comment:
        'This import is part of a cycle. Cycles make load order matter and hide which module ' +
        'owns what; type-only imports count too (they are layering dependencies all the same). ' +
        'Move the shared piece into a third module that both import.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'Nothing imports this module and it is not an entry point: it is dead code. Delete it, ' +
        'or import it from where it belongs. (src/main.ts is the entry point; bin/crm.js loads ' +
        'its built copy.)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['^src/main\\.ts$', '\\.d\\.(c|m)?ts$'],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'This import cannot be found on disk. A typo in a relative path, or an npm package ' +
        'missing from package.json.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'src/ is what ships; devDependencies are not installed for users (`npm install -g crm`), ' +
        'so importing one from src/ works on this machine and breaks for them. Type-only imports ' +
        'of @types/* are fine: the compiler erases them.',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript with NodeNext: `./x.js` names x.ts; dependency-cruiser resolves .js to .ts
    // the way tsc does. The tsconfig gives it the compiler's view of the files.
    tsConfig: { fileName: 'tsconfig.json' },
    // `import type` edges are kept (tsc erases them, the layering does not).
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
