import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
  moduleNameMapper: {
    // `server-only` throws outside React Server Components; tests are server code.
    '^server-only$': '<rootDir>/tests/support/empty-module.ts',
    '^@/(.*)$': '<rootDir>/$1',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/after-each-file.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  // Each test file opens its own database; two workers suit this 2-core machine.
  maxWorkers: 2,
};

// jose ships ESM only; Jest's CommonJS runtime needs it compiled like our own code. So do
// react-markdown and the unified/remark/micromark packages under it (entries are regex parts).
const ESM_PACKAGES = [
  'jose',
  'react-markdown',
  'remark-[a-z-]+',
  'micromark[a-z-]*',
  '(?:mdast|hast|unist|estree)-util-[a-z-]+',
  'unified',
  'vfile[a-z-]*',
  'bail',
  'trough',
  'is-plain-obj',
  'devlop',
  'property-information',
  '(?:space|comma)-separated-tokens',
  'decode-named-character-reference',
  'character-entities[a-z-]*',
  'character-reference-invalid',
  'html-url-attributes',
  'ccount',
  'escape-string-regexp',
  'markdown-table',
  'longest-streak',
  'zwitch',
  'trim-lines',
  'is-(?:alphabetical|alphanumerical|decimal|hexadecimal)',
  '(?:parse|stringify)-entities',
];

export default async function jestConfig() {
  const resolved = await createJestConfig(config)();
  resolved.transformIgnorePatterns = [
    `/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`,
    '^.+\\.module\\.(css|sass|scss)$',
  ];
  return resolved;
}
