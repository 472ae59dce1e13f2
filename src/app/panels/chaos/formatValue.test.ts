import { describe, expect, it } from 'vitest';
import { formatValue } from './formatValue';

describe('formatValue', () => {
  it('formats measured values for table cells', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(0.9876)).toBe('0.988');
    expect(formatValue(12.34)).toBe('12.3');
  });
});
