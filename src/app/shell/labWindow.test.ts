import { describe, expect, it } from 'vitest';
import { labFromUrl, labUrl } from './labWindow';

describe('lab windows', () => {
  it('reads a lab id from the query, and refuses anything that is not a plain id', () => {
    expect(labFromUrl('?lab=chaos')).toBe('chaos');
    expect(labFromUrl('?debug&lab=dead-letters')).toBe('dead-letters');
    expect(labFromUrl('')).toBeNull();
    expect(labFromUrl('?lab=<script>')).toBeNull();
    expect(labFromUrl('?lab=')).toBeNull();
  });

  it('builds the same-origin URL of a lab window', () => {
    expect(labUrl('chaos', 'http://127.0.0.1:4173/?debug#x')).toBe('http://127.0.0.1:4173/?lab=chaos');
  });
});
