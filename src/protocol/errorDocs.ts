/**
 * Renders docs/errors.md from the error registry. `npm run docs:errors` writes it;
 * errorDocs.test.ts fails when the committed file differs from what this renders.
 */
import { ERROR_AREAS, type ErrorSpec } from './errors';

export const ERROR_DOCS_PATH = 'docs/errors.md';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function range(first: number, last: number): string {
  const code = (n: number) => `ORR${String(n).padStart(3, '0')}`;
  return `${code(first)}–${code(last)}`;
}

export function renderErrorDocs(): string {
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from src/protocol/errors.ts by `npm run docs:errors`: do not edit by hand. -->',
    '',
    'Every error Orrery shows has a stable code: search for it here. The message says what',
    'was expected and what came; the hint says what to do. Codes are never reused or',
    'renumbered. "Formerly" is the code the same error had before the codes were unified.',
    '',
  ];
  for (const area of ERROR_AREAS) {
    lines.push(
      `## ${area.title} (${range(area.first, area.last)})`,
      '',
      '| Code | Error | What to do | Formerly |',
      '| --- | --- | --- | --- |',
    );
    for (const [code, spec] of Object.entries(area.codes) as [string, ErrorSpec][]) {
      lines.push(`| ${code} | ${cell(spec.title)} | ${cell(spec.hint)} | ${spec.formerly ? `\`${spec.formerly}\`` : ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
