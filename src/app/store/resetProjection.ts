/**
 * Playback's hook-in: the cursor moved back (or jumped), so what the events built (agents,
 * links, the log, counters, histories) starts over, while what people chose (selection,
 * positions, theme, tab, panel sizes, filters) stays.
 */
import { initialCanvas, type CanvasData } from '../panels/canvas/canvasSlice';
import type { ResilienceSliceData } from '../panels/chaos/resilienceSlice';
import type { WorkbenchData } from './types';

export function resetProjection(s: Pick<WorkbenchData, 'logVersion'>): Partial<WorkbenchData & CanvasData & ResilienceSliceData> {
  const canvas = initialCanvas();
  return {
    agents: {},
    agentOrder: [],
    links: {},
    pending: {},
    // A new array and map: the log's rows are appended in place, `logVersion` says so.
    rows: [],
    rowById: new Map(),
    logVersion: s.logVersion + 1,
    droppedRows: 0,
    deadLetters: 0,
    messageSample: { shown: 0, total: 0 },
    lastSeq: -1,
    plainNodes: canvas.plainNodes,
    plainOrder: canvas.plainOrder,
    groups: canvas.groups,
    membership: canvas.membership,
    flows: canvas.flows,
    insight: canvas.insight,
    rates: canvas.rates,
    deadLetterRows: [],
  };
}
