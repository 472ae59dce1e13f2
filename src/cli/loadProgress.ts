/**
 * Progress of a running load experiment on stderr: on a terminal one bar redrawn in place
 * (at most 4 times a second), elsewhere (a CI log) one line every 5 s. The formatting is
 * pure; the reporter is given the wall clock and the writer.
 */
import type { LoadProgress } from '../experiments/load/run/types';
import { formatDuration } from '../experiments/load/summary/formatFigures';

export const TTY_REDRAW_MS = 250;
export const LOG_LINE_MS = 5000;
const BAR_WIDTH = 24;

const seconds = (ms: number) => formatDuration(Math.max(0, Math.round(ms / 100) * 100));

function counts(p: LoadProgress): string {
  const t = p.totals;
  const failing = p.thresholds.filter((r) => !r.passed).length;
  const thresholds =
    p.thresholds.length > 0 ? `, thresholds ${failing === 0 ? '✓' : `✗ ${failing} of ${p.thresholds.length} failing`}` : '';
  return `vus ${p.vus}/${p.maxVUs}, sent ${t.sent}, ok ${t.ok}, errors ${t.errors}, dropped ${t.dropped}, in flight ${t.inFlight}${thresholds}`;
}

const percent = (fraction: number) => `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}%`;

/** The bar for a terminal: `[=========>          ]  45%  4.5s, 5.5s left  vus 10/50, sent …`. */
export function formatProgressBar(p: LoadProgress, width = BAR_WIDTH): string {
  const fraction = Math.min(1, Math.max(0, p.fraction));
  const filled = Math.floor(fraction * width);
  const bar = fraction >= 1 ? '='.repeat(width) : `${'='.repeat(filled)}>${' '.repeat(width - filled - 1)}`;
  return `[${bar}] ${percent(fraction).padStart(4)}  ${seconds(p.atMs)}, ${seconds(p.timeLeftMs)} left  ${counts(p)}`;
}

/** One line for a log: `load: 45% after 4.5s, 5.5s left; vus 10/50, sent …`. */
export function formatProgressLine(p: LoadProgress): string {
  return `load: ${percent(p.fraction)} after ${seconds(p.atMs)}, ${seconds(p.timeLeftMs)} left; ${counts(p)}`;
}

export interface ProgressReporter {
  update(p: LoadProgress): void;
  /** A message between progress updates (e.g. "stopping"): on its own line. */
  note(text: string): void;
  /** Clears the bar (terminal) so the results start on a clean line. */
  done(): void;
}

export interface ProgressSink {
  /** True: redraw one line in place. */
  tty: boolean;
  /** Raw text to stderr (no newline added). */
  write(text: string): void;
  /** Wall-clock ms (performance.now). */
  now(): number;
  /** Terminal width: a longer bar is cut so it never wraps (a wrapped line cannot be redrawn in place). */
  columns?: number;
}

const CLEAR_LINE = '\r\x1b[2K';

export function createProgressReporter(sink: ProgressSink | undefined): ProgressReporter {
  if (!sink) return { update: () => {}, note: () => {}, done: () => {} };
  let last = -Infinity;
  let drawn = false;
  return {
    update(p) {
      const now = sink.now();
      if (now - last < (sink.tty ? TTY_REDRAW_MS : LOG_LINE_MS)) return;
      last = now;
      if (sink.tty) {
        const bar = formatProgressBar(p);
        sink.write(`${CLEAR_LINE}${sink.columns ? bar.slice(0, Math.max(10, sink.columns - 1)) : bar}`);
        drawn = true;
      } else sink.write(`${formatProgressLine(p)}\n`);
    },
    note(text) {
      sink.write(`${drawn ? CLEAR_LINE : ''}${text}\n`);
      drawn = false;
      last = -Infinity;
    },
    done() {
      if (drawn) sink.write(CLEAR_LINE);
      drawn = false;
    },
  };
}
