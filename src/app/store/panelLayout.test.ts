import { describe, expect, it } from 'vitest';
import { PANEL_BOUNDS, clampPanel, dragResize, keyResize } from './panelLayout';

describe('panel layout', () => {
  it('clamps to the bounds and to 60% of the viewport', () => {
    expect(clampPanel('palette', 10)).toBe(PANEL_BOUNDS.palette.min);
    expect(clampPanel('palette', 10_000)).toBe(PANEL_BOUNDS.palette.max);
    expect(clampPanel('dock', 600, 800)).toBe(480);
  });

  it('drags the palette right to grow, the inspector and dock towards the centre', () => {
    expect(dragResize('palette', 232, 80)).toBe(312);
    expect(dragResize('inspector', 300, -60)).toBe(360);
    expect(dragResize('dock', 300, -50)).toBe(350);
  });

  it('resizes with keys, Shift for big steps, Home/End to the bounds', () => {
    expect(keyResize('palette', 232, 'ArrowRight', false)).toBe(248);
    expect(keyResize('palette', 232, 'ArrowLeft', true)).toBe(168);
    expect(keyResize('inspector', 300, 'ArrowLeft', false)).toBe(316);
    expect(keyResize('dock', 300, 'ArrowUp', true)).toBe(364);
    expect(keyResize('dock', 300, 'Home', false)).toBe(PANEL_BOUNDS.dock.min);
    expect(keyResize('dock', 300, 'End', false)).toBe(PANEL_BOUNDS.dock.max);
    expect(keyResize('dock', 300, 'x', false)).toBeNull();
  });
});
