/**
 * Sizes of the workbench panels (palette, inspector, dock) and the arithmetic of the
 * separators between them. Pure: the separators and the tests use the same functions.
 */

export type PanelId = 'palette' | 'inspector' | 'dock';

export interface PanelBounds {
  min: number;
  max: number;
  initial: number;
}

export const PANEL_BOUNDS: Record<PanelId, PanelBounds> = {
  palette: { min: 160, max: 420, initial: 232 },
  inspector: { min: 220, max: 560, initial: 300 },
  dock: { min: 120, max: 640, initial: 300 },
};

export type PanelSizes = Record<PanelId, number>;

export const initialPanelSizes = (): PanelSizes => ({
  palette: PANEL_BOUNDS.palette.initial,
  inspector: PANEL_BOUNDS.inspector.initial,
  dock: PANEL_BOUNDS.dock.initial,
});

/** Pixels a separator moves per arrow key press (Shift: a big step). */
export const KEY_STEP = 16;
export const KEY_BIG_STEP = 64;

export function clampPanel(panel: PanelId, size: number, viewport?: number): number {
  const { min, max } = PANEL_BOUNDS[panel];
  // Never let a panel take more than 60% of the window (the canvas must stay usable).
  const cap = viewport ? Math.max(min, Math.min(max, Math.floor(viewport * 0.6))) : max;
  return Math.round(Math.min(cap, Math.max(min, size)));
}

/**
 * The new size when the separator is dragged by `delta` pixels along its axis. The
 * palette grows to the right, the inspector to the left, the dock upwards.
 */
export function dragResize(panel: PanelId, start: number, delta: number, viewport?: number): number {
  const sign = panel === 'palette' ? 1 : -1;
  return clampPanel(panel, start + sign * delta, viewport);
}

/** The new size after a key on the focused separator, or null for keys it ignores. */
export function keyResize(panel: PanelId, size: number, key: string, shift: boolean, viewport?: number): number | null {
  const step = shift ? KEY_BIG_STEP : KEY_STEP;
  const { min, max } = PANEL_BOUNDS[panel];
  // Arrow keys move the separator; the panel grows when it moves away from the panel's edge.
  const grow: Record<PanelId, string[]> = {
    palette: ['ArrowRight'],
    inspector: ['ArrowLeft'],
    dock: ['ArrowUp'],
  };
  const shrink: Record<PanelId, string[]> = {
    palette: ['ArrowLeft'],
    inspector: ['ArrowRight'],
    dock: ['ArrowDown'],
  };
  if (grow[panel].includes(key)) return clampPanel(panel, size + step, viewport);
  if (shrink[panel].includes(key)) return clampPanel(panel, size - step, viewport);
  if (key === 'Home') return min;
  if (key === 'End') return clampPanel(panel, max, viewport);
  return null;
}
