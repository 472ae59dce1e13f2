import { describe, expect, it } from 'vitest';
import type { AclMessage } from '../../../protocol/message';
import type { Scenario } from '../../../workspace';
import { reportLines, runChecks } from './runChecks';

const scenario = {
  expect: { from: 'manager', performative: 'inform', content: { winner: 'worker-2', price: 12 } },
} as unknown as Scenario;

const report = (content: unknown, performative = 'inform') =>
  ({ id: 'm1', sender: 'manager', receiver: 'you', performative, content }) as AclMessage;

describe('pattern run checks', () => {
  it('lists each expected field with what came, passing or not', () => {
    const checks = runChecks(scenario, { status: 'failed', report: report({ winner: 'worker-1', price: 12, extra: true }), why: 'x' });
    expect(checks.map((c) => [c.label, c.ok, c.received])).toEqual([
      ['A report from manager', true, 'inform to you'],
      ['Performative', true, 'inform'],
      ['content.winner', false, '"worker-1"'],
      ['content.price', true, '12'],
    ]);
  });

  it('says there was no report, and nothing more', () => {
    expect(runChecks(scenario, { status: 'failed', report: null, why: 'no report' })).toEqual([
      { label: 'A report from manager', ok: false, expected: 'a report', received: 'none' },
    ]);
  });

  it('does not take inherited keys for fields', () => {
    const s = { expect: { from: 'a', performative: 'inform', content: { constructor: 1 } } } as unknown as Scenario;
    const [, , field] = runChecks(s, { status: 'failed', report: report({}), why: 'x' });
    expect(field).toMatchObject({ ok: false, received: 'nothing' });
  });

  it('shows the report as key: value lines', () => {
    expect(reportLines({ status: 'passed', report: report({ winner: 'worker-2', bids: { a: 1 } }) })).toEqual([
      'winner: "worker-2"',
      'bids: {"a":1}',
    ]);
  });
});
