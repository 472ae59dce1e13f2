/**
 * Message templates: any JSON whose strings may hold placeholders, expanded for each
 * iteration from the iteration's variables and a seeded random stream.
 *
 *   ${vu}                   the VU's number, from 1 (k6's __VU)
 *   ${iter}                 the VU's iteration, from 0 (k6's __ITER)
 *   ${scenarioIter}         the scenario's iteration, from 0
 *   ${scenario}             the scenario's name
 *   ${rand:int:MIN:MAX}     an integer from MIN to MAX, both included
 *   ${rand:float:MIN:MAX}   a number from MIN (included) to MAX (excluded)
 *   ${rand:pick:a|b|c}      one of the listed words
 *   ${rand:string:N}        N letters and digits (N from 1 to 1024)
 *   ${rand:uuid}            a version-4 UUID
 *   $${                     a literal "${"
 *
 * A string that is one placeholder and nothing else becomes the placeholder's value with
 * its type ("${rand:int:1:100}" → 42, a number); elsewhere the value is written into the
 * text. Random values are drawn in document order (object keys as written, arrays in
 * order), so the same template, variables and seed give the same message.
 */
import type { Rng } from '../../../kernel/types';
import type { JsonValue } from '../../../protocol/message';

export interface TemplateVars {
  vu: number;
  iter: number;
  scenarioIter: number;
  scenario: string;
}

type Part = string | ((vars: TemplateVars, rng: Rng) => string | number);
/** A compiled template: expands to JSON without parsing its text again. */
export type CompiledTemplate = (vars: TemplateVars, rng: Rng) => JsonValue;

const PLACEHOLDER = /\$\$\{|\$\{([^}]*)\}/g;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const MAX_RANDOM_STRING = 1024;

const intIn = (rng: Rng, min: number, max: number) => min + Math.floor(rng.next() * (max - min + 1));
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => intIn(rng, 0, 15).toString(16)).join('');

function uuid(rng: Rng): string {
  const variant = (8 + intIn(rng, 0, 3)).toString(16);
  return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${variant}${hex(rng, 3)}-${hex(rng, 12)}`;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The function a placeholder's body names, or a sentence saying what is wrong with it. */
function placeholder(body: string): Exclude<Part, string> | string {
  const variable = { vu: 'vu', iter: 'iter', scenarioIter: 'scenarioIter', scenario: 'scenario' } as const;
  if (Object.hasOwn(variable, body)) {
    const key = variable[body as keyof typeof variable];
    return (vars) => vars[key];
  }
  const [head, kind, ...args] = body.split(':');
  if (head !== 'rand') return `unknown placeholder \${${body}} (known: vu, iter, scenarioIter, scenario, rand:…)`;
  const nums = args.map(Number);
  switch (kind) {
    case 'int':
      if (args.length !== 2 || !args.every((a) => /^-?\d+$/.test(a)) || nums[0]! > nums[1]! || !nums.every(Number.isSafeInteger))
        return `\${${body}}: expected rand:int:MIN:MAX with integers MIN ≤ MAX`;
      return (_, rng) => intIn(rng, nums[0]!, nums[1]!);
    case 'float':
      if (args.length !== 2 || !args.every((a) => NUMBER.test(a)) || nums[0]! > nums[1]!)
        return `\${${body}}: expected rand:float:MIN:MAX with numbers MIN ≤ MAX`;
      return (_, rng) => nums[0]! + rng.next() * (nums[1]! - nums[0]!);
    case 'pick': {
      const words = args.join(':').split('|');
      if (args.length === 0 || words.some((w) => w === '')) return `\${${body}}: expected rand:pick:a|b|c with no empty choice`;
      return (_, rng) => words[Math.min(words.length - 1, Math.floor(rng.next() * words.length))]!;
    }
    case 'string':
      if (args.length !== 1 || !/^\d+$/.test(args[0]!) || nums[0]! < 1 || nums[0]! > MAX_RANDOM_STRING)
        return `\${${body}}: expected rand:string:N with N from 1 to ${MAX_RANDOM_STRING}`;
      return (_, rng) => Array.from({ length: nums[0]! }, () => ALPHANUMERIC[intIn(rng, 0, ALPHANUMERIC.length - 1)]).join('');
    case 'uuid':
      if (args.length !== 0) return `\${${body}}: expected rand:uuid with nothing after it`;
      return (_, rng) => uuid(rng);
    default:
      return `unknown random value \${${body}} (known: rand:int, rand:float, rand:pick, rand:string, rand:uuid)`;
  }
}

/** The parts of a string: literal text and placeholders; problems are pushed to `problems`. */
function parts(text: string, problems: string[]): Part[] {
  const out: Part[] = [];
  let from = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > from) out.push(text.slice(from, m.index));
    from = m.index + m[0].length;
    if (m[0] === '$${') {
      out.push('${');
      continue;
    }
    const p = placeholder(m[1]!);
    if (typeof p === 'string') problems.push(p);
    else out.push(p);
  }
  if (from < text.length) out.push(text.slice(from));
  const open = text.replace(PLACEHOLDER, '').indexOf('${');
  if (open >= 0) problems.push(`unclosed placeholder in ${JSON.stringify(text)} (write $\${ for a literal \${)`);
  return out;
}

function compileString(text: string, problems: string[]): CompiledTemplate {
  const ps = parts(text, problems);
  if (ps.length === 0) return () => '';
  if (ps.every((p) => typeof p === 'string')) {
    const fixed = ps.join('');
    return () => fixed;
  }
  const only = ps.length === 1 ? ps[0]! : undefined;
  if (typeof only === 'function') return only;
  return (vars, rng) => ps.map((p) => (typeof p === 'string' ? p : String(p(vars, rng)))).join('');
}

function compileAt(value: JsonValue, path: string, problems: string[]): CompiledTemplate {
  if (typeof value === 'string') {
    const local: string[] = [];
    const f = compileString(value, local);
    for (const p of local) problems.push(`${path}: ${p}`);
    return f;
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => compileAt(v, `${path}[${i}]`, problems));
    return (vars, rng) => items.map((f) => f(vars, rng));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).map((k) => [k, compileAt(value[k]!, `${path}.${k}`, problems)] as const);
    return (vars, rng) => {
      const out: { [key: string]: JsonValue } = {};
      for (const [k, f] of entries)
        Object.defineProperty(out, k, { value: f(vars, rng), enumerable: true, writable: true, configurable: true });
      return out;
    };
  }
  return () => value;
}

/** Problems of a template, each naming `path` and where in it (empty when it is valid). */
export function templateProblems(value: JsonValue, path: string): string[] {
  const problems: string[] = [];
  compileAt(value, path, problems);
  return problems;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Compiles once, expands many times; throws TemplateError naming each bad placeholder. */
export function compileTemplate(value: JsonValue, path = 'template'): CompiledTemplate {
  const problems: string[] = [];
  const f = compileAt(value, path, problems);
  if (problems.length > 0) throw new TemplateError(problems);
  return f;
}

/** Expands a template once (compiles it each time: compileTemplate for many iterations). */
export function expandTemplate(value: JsonValue, vars: TemplateVars, rng: Rng): JsonValue {
  return compileTemplate(value)(vars, rng);
}

/** Whether a string holds placeholders (a target written with ${vu} cannot be checked before the run). */
export const hasPlaceholder = (text: string): boolean => [...text.matchAll(PLACEHOLDER)].some((m) => m[0] !== '$${');
