/**
 * k6's threshold expressions: `aggregation operator value`, e.g. `p(95)<50`, `p(99.9) <= 200`,
 * `avg<20`, `med<10`, `min>0`, `max<1000`, `rate<0.01`, `count>1000`, `value<5`. Whitespace
 * between the parts is allowed; units are not (`50ms` is refused: values are in the metric's
 * unit, milliseconds for times). A malformed expression says which part is wrong and what came.
 */

export const AGGREGATION_METHODS = ['avg', 'min', 'max', 'med', 'count', 'rate', 'value'] as const;
export const OPERATORS = ['<', '<=', '>', '>=', '==', '===', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

export interface ThresholdExpression {
  source: string;
  /** Canonical: `avg`, `rate`, `p(95)`, `p(99.9)`. */
  aggregation: string;
  /** For `p(N)`, N. */
  percentile?: number;
  operator: Operator;
  value: number;
}

export interface ExpressionProblem {
  expected: string;
  received: string;
}

export type ExpressionParse = { ok: true; expression: ThresholdExpression } | { ok: false; problem: ExpressionProblem };

const AGGREGATION = /^\s*(p\s*\(\s*([^)]*?)\s*\)|[A-Za-z_][A-Za-z0-9_]*)\s*/;
const OPERATOR = /^(===|==|!=|<=|>=|<|>)\s*/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const AGGREGATION_LIST = 'an aggregation: avg, min, max, med, count, rate, value or p(N)';

export function parseThresholdExpression(source: string): ExpressionParse {
  const fail = (expected: string, received: string): ExpressionParse => ({ ok: false, problem: { expected, received } });
  if (source.trim() === '') return fail("an expression like 'p(95)<50'", 'an empty string');
  if (/^\s*p\s*\([^)]*$/.test(source)) return fail("a closing ')' in p(N)", quote(source.trim()));
  const head = AGGREGATION.exec(source);
  if (!head) return fail(AGGREGATION_LIST, quote(source.trim()));
  const aggregation = parseAggregation(head[1]!, head[2]);
  if (!aggregation.ok) return aggregation;
  const rest = source.slice(head[0].length);
  const op = OPERATOR.exec(rest);
  if (!op)
    return fail(`an operator (${OPERATORS.join(' ')}) after ${quote(aggregation.name)}`, rest === '' ? 'nothing' : quote(rest.trim()));
  const valueText = rest.slice(op[0].length).trim();
  if (valueText === '') return fail(`a number after ${quote(op[1]!)}`, 'nothing');
  if (!NUMBER.test(valueText)) return fail(`a number after ${quote(op[1]!)} (no units: times are in ms)`, quote(valueText));
  const expression: ThresholdExpression = { source, aggregation: aggregation.name, operator: op[1] as Operator, value: Number(valueText) };
  if (aggregation.percentile !== undefined) expression.percentile = aggregation.percentile;
  return { ok: true, expression };
}

type AggregationParse = { ok: true; name: string; percentile?: number } | { ok: false; problem: ExpressionProblem };

function parseAggregation(token: string, percentileText: string | undefined): AggregationParse {
  if (percentileText === undefined) {
    if ((AGGREGATION_METHODS as readonly string[]).includes(token)) return { ok: true, name: token };
    const hint = /^p\d/.test(token) ? ` (write p(${token.slice(1)}))` : '';
    return { ok: false, problem: { expected: AGGREGATION_LIST + hint, received: quote(token) } };
  }
  const p = Number(percentileText);
  if (percentileText === '' || !NUMBER.test(percentileText) || !(p >= 0 && p <= 100)) {
    return { ok: false, problem: { expected: 'a percentile between 0 and 100 in p(N)', received: quote(`p(${percentileText})`) } };
  }
  return { ok: true, name: `p(${p})`, percentile: p };
}

/** Whether `observed operator value` holds. */
export function compare(observed: number, operator: Operator, value: number): boolean {
  switch (operator) {
    case '<':
      return observed < value;
    case '<=':
      return observed <= value;
    case '>':
      return observed > value;
    case '>=':
      return observed >= value;
    case '==':
    case '===':
      return observed === value;
    case '!=':
      return observed !== value;
  }
}

function quote(text: string): string {
  return JSON.stringify(text);
}
