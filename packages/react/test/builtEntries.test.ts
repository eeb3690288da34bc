import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Reads what the build wrote (`pnpm run build` comes first in the test command), as an app's bundler would.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
type ExportTarget = string | { default?: string };
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports: Record<string, ExportTarget> };

/** Every JavaScript entry the package exports, read from package.json so a renamed or added entry is covered. */
const clientEntries = Object.entries(manifest.exports).flatMap(([subpath, target]) => {
  const file = typeof target === 'string' ? target : target.default;
  return file?.endsWith('.js') ? [[subpath, file] as const] : [];
});

/** The value of the file's first statement when it is a directive (a lone string literal), else undefined. */
function leadingDirective(file: string): string | undefined {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const [first] = source.statements;
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : undefined;
}

describe('the built entries of @biometric-login/react', () => {
  it('include the main entry', () => {
    expect(clientEntries.map(([subpath]) => subpath)).toContain('.');
  });

  it.each(clientEntries)('%s (%s) starts with the "use client" directive', (_subpath, file) => {
    const path = join(packageDir, file);
    expect(existsSync(path), `${file} is missing: run pnpm run build first`).toBe(true);
    expect(leadingDirective(path)).toBe('use client');
  });
});
