import { describe, expect, it } from 'vitest';
import { checkLoadExperiment } from '../../../experiments/load/experiment';
import { EXECUTOR_NAMES } from '../../../experiments/load/executors/types';
import { blankLoadDoc, changeExecutor, renameScenario, setScenario, thresholdRows, withThresholdRows, type LoadDoc } from './loadDoc';
import { LOAD_GALLERY } from './loadGallery';

describe('the Load tab’s file document', () => {
  it('a new file is a valid load experiment', () => {
    expect(checkLoadExperiment(blankLoadDoc('echo-1')).ok).toBe(true);
  });

  it('every executor the form offers gives a valid file, keeping the target and message', () => {
    for (const executor of EXECUTOR_NAMES) {
      const doc = blankLoadDoc('echo-1');
      const next = setScenario(doc, 'default', changeExecutor(doc.scenarios['default']!, executor));
      const checked = checkLoadExperiment(next);
      expect(checked.ok ? 'ok' : checked.error.problems, executor).toBe('ok');
      expect(next.scenarios['default']).toMatchObject({ executor, target: 'echo-1', message: { performative: 'request' } });
    }
  });

  it('changing the executor drops the old one’s own fields', () => {
    const doc = blankLoadDoc('echo-1');
    const arrival = changeExecutor(doc.scenarios['default']!, 'constant-arrival-rate');
    expect(arrival).not.toHaveProperty('vus');
    expect(arrival).toMatchObject({ rate: 50, duration: '10s', preAllocatedVUs: 10 });
  });

  it('renaming a scenario keeps its place and refuses a name in use', () => {
    let doc: LoadDoc = setScenario(blankLoadDoc('echo-1'), 'second', blankLoadDoc('x').scenarios['default']!);
    doc = renameScenario(doc, 'default', 'first');
    expect(Object.keys(doc.scenarios)).toEqual(['first', 'second']);
    expect(renameScenario(doc, 'first', 'second')).toBe(doc);
  });

  it('threshold rows round-trip, abortOnFail as an object keeping its delay', () => {
    const doc: LoadDoc = {
      ...blankLoadDoc('echo-1'),
      thresholds: {
        latency: ['p(95)<100', { threshold: 'p(99)<200', abortOnFail: true, delayAbortEval: '5s' }],
        error_rate: ['rate<0.01'],
      },
    };
    const rows = thresholdRows(doc);
    expect(rows).toEqual([
      { metric: 'latency', expression: 'p(95)<100', abortOnFail: false },
      { metric: 'latency', expression: 'p(99)<200', abortOnFail: true },
      { metric: 'error_rate', expression: 'rate<0.01', abortOnFail: false },
    ]);
    expect(withThresholdRows(doc, rows).thresholds).toEqual(doc.thresholds);
    const flipped = withThresholdRows(doc, [{ ...rows[0]!, abortOnFail: true }]);
    expect(flipped.thresholds).toEqual({ latency: [{ threshold: 'p(95)<100', abortOnFail: true }] });
  });

  it('the gallery holds the shipped examples, each a valid file', () => {
    expect(LOAD_GALLERY.map((g) => g.file)).toContain('echo-50x100.load.json');
    for (const entry of LOAD_GALLERY) {
      const checked = checkLoadExperiment(entry.doc);
      expect(checked.ok ? 'ok' : checked.error.problems, entry.file).toBe('ok');
    }
  });
});
