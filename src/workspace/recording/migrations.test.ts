import { describe, expect, it } from 'vitest';
import { planMigration, RECORDING_MIGRATIONS, type RecordingMigration } from './migrations';
import { RECORDING_FILE_VERSION } from './format';

/** A made-up history: v1 named the time `time`, v2 renamed the header's `title` to `name`. */
const table: RecordingMigration[] = [
  {
    from: 2,
    header: ({ title, ...rest }) => ({ ...rest, name: title }),
    entry: (e) => e,
  },
  {
    from: 1,
    header: (h) => ({ ...h, tags: [] }),
    entry: (e) => {
      const { time, ...rest } = e as { time: number };
      return { ...rest, t: time };
    },
  },
];

describe('recording migrations', () => {
  it('is at version 1 with a step for every older version', () => {
    expect(RECORDING_FILE_VERSION).toBe(1);
    expect(() => planMigration(1)).not.toThrow();
    for (let v = 1; v < RECORDING_FILE_VERSION; v++) expect(RECORDING_MIGRATIONS.some((m) => m.from === v)).toBe(true);
  });

  it('leaves a current file as it is', () => {
    const plan = planMigration(1, 1, table);
    const header = { name: 'x' };
    expect(plan.steps).toBe(0);
    expect(plan.header(header)).toBe(header);
  });

  it('applies each step from the file version up, in order, to the header and every entry', () => {
    const plan = planMigration(1, 3, table);
    expect(plan.steps).toBe(2);
    expect(plan.header({ title: 'old', id: 'r' })).toEqual({ id: 'r', tags: [], name: 'old' });
    expect(plan.entry({ time: 5, input: { type: 'tick' } })).toEqual({ t: 5, input: { type: 'tick' } });
    expect(planMigration(2, 3, table).entry({ time: 5 })).toEqual({ time: 5 });
  });

  it('says which step is missing', () => {
    expect(() => planMigration(1, 4, table)).toThrow('no recording migration from version 3 to 4');
  });
});
