// ESLint parser for the AssemblyScript agent sources (agents/sdk, agents/builtin).
// AssemblyScript puts decorators on functions and globals (`@inline`, `@external(...)`),
// which TypeScript's grammar rejects. Each decorator is blanked out (same length, newlines
// kept) before typescript-eslint parses, so line numbers and max-lines counts stay exact.
import * as tsParser from '@typescript-eslint/parser';

const DECORATOR =
  /^([ \t]*)@(?:inline|external|global|lazy|unmanaged|final|unsafe|operator(?:\.\w+)?|builtin)\b(?:\((?:[^()"]|"[^"]*")*\))?/gm;

/** Replaces AssemblyScript-only decorators by spaces, keeping every offset and newline. */
export function blankDecorators(code) {
  return code.replace(DECORATOR, (match) => match.replace(/[^\n]/g, ' '));
}

export const meta = { name: 'orrery-assemblyscript', version: '1.0.0' };

export function parseForESLint(code, options) {
  return tsParser.parseForESLint(blankDecorators(code), options);
}
