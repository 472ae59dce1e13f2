import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('defaults to a full run with the browser figures', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, browser: true });
  });

  it('reads flags and valued options, separate or with =', () => {
    expect(
      parseBenchArgs(['--quick', '--no-browser', '--json', 'out.json', '--only=one-way', '--compare', 'a.json', '--against', 'b.json']),
    ).toEqual({
      quick: true,
      browser: false,
      json: 'out.json',
      only: 'one-way',
      compare: 'a.json',
      against: 'b.json',
    });
  });

  it('refuses an option without its value, an unknown option, and --against alone', () => {
    expect(() => parseBenchArgs(['--json'])).toThrow(/--json needs a value/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseBenchArgs(['--against', 'b.json'])).toThrow(/needs --compare/);
  });
});
