// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Rooms by runtime: each room may import only what its runtime has (see ARCHITECTURE.md). */
const room = (name) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message: `this room may not import ${name}: see the rooms in ARCHITECTURE.md`,
});
const builtinNames = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'stream',
  'events',
  'util',
];
const nodeBuiltins = { group: ['node:*'], message: 'no Node built-ins in this room' };
/** Bare built-in names, matched exactly (a pattern would also catch a local `./http` module). */
const builtinPaths = builtinNames.map((name) => ({ name, message: 'no Node built-ins in this room' }));
const restrict = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns, paths: patterns.includes(nodeBuiltins) ? builtinPaths : [] },
  ],
});
const pkg = (names, message) => ({ group: names, message });

/**
 * Every window and web view comes from the one window factory, which gives it the secure
 * webPreferences and hardens its webContents (Electron's security checklist, SECURITY.md).
 */
const webContentsClasses = '/^(BrowserWindow|BrowserView|WebContentsView)$/';
const oneWindowFactory =
  'make windows with createMainWindow() from src-main/window.ts, the one window factory (secure webPreferences, hardened webContents; SECURITY.md)';
const windowFactoryOnly = {
  'no-restricted-syntax': [
    'error',
    { selector: `NewExpression[callee.name=${webContentsClasses}]`, message: oneWindowFactory },
    {
      selector: `NewExpression[callee.type='MemberExpression'][callee.property.name=${webContentsClasses}]`,
      message: oneWindowFactory,
    },
    {
      selector: `ImportSpecifier[imported.name=${webContentsClasses}][local.name!=${webContentsClasses}]`,
      message: `${oneWindowFactory}; a renamed import would slip past this check`,
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', '.data', 'coverage', 'bench/results', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify handlers and interface implementations are async by contract, awaited or not.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any` by design.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['src-shared/**'],
    rules: restrict(
      nodeBuiltins,
      room('src-server'),
      room('src-main'),
      room('src-preload'),
      room('src-renderer'),
      pkg(
        ['electron', 'react', 'react-dom', 'dexie', 'fastify', '@fastify/*', 'pg', '@electric-sql/*'],
        'src-shared is pure TypeScript: no runtime packages',
      ),
    ),
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        nodeBuiltins,
        room('src-server'),
        room('src-main'),
        room('src-preload'),
        pkg(
          ['electron', 'fastify', 'pg', '@electric-sql/*'],
          'the renderer reaches the world only through its bridge',
        ),
      ),
    },
  },
  {
    // The parties' portal: an online web app over the HTTP contract, nothing of the back office's.
    files: ['src-portal/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        nodeBuiltins,
        room('src-server'),
        room('src-main'),
        room('src-preload'),
        room('src-renderer'),
        pkg(
          ['electron', 'dexie', 'dexie-*', 'fastify', '@fastify/*', 'pg', '@electric-sql/*'],
          'the portal talks to the API over HTTP only: see the rooms in ARCHITECTURE.md',
        ),
      ),
    },
  },
  {
    files: ['tests/renderer/**', 'tests/portal/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src-server/**'],
    rules: restrict(
      room('src-main'),
      room('src-preload'),
      room('src-renderer'),
      pkg(['electron', 'react', 'react-dom', 'dexie'], 'the server runs in plain Node'),
    ),
  },
  {
    files: ['src-main/**'],
    rules: restrict(
      room('src-server'),
      room('src-renderer'),
      room('src-preload'),
      pkg(['react', 'react-dom'], 'the main process has no DOM'),
    ),
  },
  {
    files: ['src-preload/**'],
    rules: restrict(room('src-server'), room('src-renderer'), room('src-main'), nodeBuiltins),
  },
  {
    // Checked by tests/unit/static-checks.test.ts.
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    ignores: ['src-main/window.ts', 'tests/**'],
    rules: windowFactoryOnly,
  },
);
