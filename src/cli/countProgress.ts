/**
 * Progress of a run made of steps (swarm: seeds done of total; run: case i of n) on stderr,
 * as loadProgress.ts draws a load run: on a terminal one bar redrawn in place (at most 4
 * times a second), elsewhere one line every 5 s. None without a sink (--quiet, tests).
 */
import { LOG_LINE_MS, TTY_REDRAW_MS, type ProgressSink } from './loadProgress';

const BAR_WIDTH = 24;
const CLEAR_LINE = '\r\x1b[2K';

/** `[==========>             ]  3/7 seeds  2 failed  (fragile)`. */
export function formatCountBar(done: number, total: number, unit: string, detail = ''): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.floor(fraction * BAR_WIDTH);
  const bar = fraction >= 1 ? '='.repeat(BAR_WIDTH) : `${'='.repeat(filled)}>${' '.repeat(BAR_WIDTH - filled - 1)}`;
  return `[${bar}] ${done}/${total} ${unit}${detail ? `  ${detail}` : ''}`;
}

export interface CountProgress {
  /** `done` of `total` finished; `detail` says what runs or how many failed. */
  update(done: number, total: number, detail?: string): void;
  /** Clears the bar so the results start on a clean line. */
  done(): void;
}

export function createCountProgress(sink: ProgressSink | undefined, unit: string, label: string): CountProgress {
  if (!sink) return { update: () => {}, done: () => {} };
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total, detail) {
      const now = sink.now();
      if (done < total && now - last < (sink.tty ? TTY_REDRAW_MS : LOG_LINE_MS)) return;
      last = now;
      if (sink.tty) {
        const bar = formatCountBar(done, total, unit, detail);
        sink.write(`${CLEAR_LINE}${sink.columns ? bar.slice(0, Math.max(10, sink.columns - 1)) : bar}`);
        drawn = true;
      } else sink.write(`${label}: ${done}/${total} ${unit}${detail ? `; ${detail}` : ''}\n`);
    },
    done() {
      if (drawn) sink.write(CLEAR_LINE);
      drawn = false;
    },
  };
}
