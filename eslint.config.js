// Lint for the shipped code, the demo and the tests: TypeScript, Lit and web-component rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', '**/*.generated.ts', 'coverage/', '**/*.mjs', 'vite.config.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    rules: {
      // Nothing ERP-supplied may ever be rendered as HTML.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'Render ERP and CRM values as text: unsafeHTML is forbidden.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG is forbidden.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render as text (Lit bindings or textContent).' },
        { property: 'outerHTML', message: 'Render as text (Lit bindings or textContent).' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Class files define nothing; src/define/* registers the tags.
      'wc/define-tag-after-class-definition': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='document'][property.name='activeElement']",
          message: 'Use the shadow-aware deepActiveElement() helper.',
        },
      ],
    },
  },
  {
    // chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
