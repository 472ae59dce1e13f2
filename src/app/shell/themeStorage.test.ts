import { describe, expect, it } from 'vitest';
import { savedTheme, saveTheme } from './themeStorage';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('theme storage', () => {
  it('gives back the theme that was saved, and nothing for an unknown value', () => {
    const storage = memory();
    expect(savedTheme(storage)).toBeNull();
    saveTheme('light', storage);
    expect(savedTheme(storage)).toBe('light');
    storage.setItem('orrery:theme', 'purple');
    expect(savedTheme(storage)).toBeNull();
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(savedTheme(broken)).toBeNull();
    expect(() => saveTheme('dark', broken)).not.toThrow();
  });
});
