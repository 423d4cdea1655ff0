// Lint what the type checker cannot: promises nobody awaits, switches that miss a case.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'bin/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // Participant text reaches a terminal only through writers that make it safe (collaboration-server/terminal-text.ts).
    files: ['cli/**/*.ts', 'cli/**/*.tsx', 'agents/**/*.ts', 'orchestrator/**/*.ts', 'collaboration-server/**/*.ts'],
    ignores: ['cli/output.ts', 'orchestrator/start-lead.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='write'][callee.object.property.name=/^std(out|err)$/][callee.object.object.name='process']",
          message: 'Write through cli/output.ts (printLines, printText, printJson, logLine): they make participant text terminal-safe.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'ink', importNames: ['Text'], message: 'Import Text from cli/ui/components/SafeText.tsx: it makes participant text terminal-safe.' }] },
      ],
    },
  },
  { files: ['cli/ui/components/SafeText.tsx'], rules: { 'no-restricted-imports': 'off' } },
);
