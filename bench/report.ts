/**
 * The bench's JSON document (`--json FILE`, and .cache/bench.json): every figure with its
 * baseline, ratio, target, verdict and which way is better, plus what the run was.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { betterOf, ratioOf, verdict, type Figure, type Verdict } from './table';

export interface RunMetadata {
  /** ISO time the run finished. */
  at: string;
  node: string;
  /** HEAD, with `+dirty` when the working tree had changes. */
  commit: string;
  mode: 'quick' | 'full';
  platform: string;
  cpus: number;
  /** Subset filter (`--only`), when one was given. */
  only?: string;
}

export interface FigureRecord {
  name: string;
  value: number | null;
  unit: string;
  baseline: { name: string; value: number | null } | null;
  ratio: number | null;
  target: NonNullable<Figure['target']> | null;
  verdict: Verdict;
  better: 'higher' | 'lower';
  note?: string;
}

export interface BenchDocument {
  meta: RunMetadata;
  figures: FigureRecord[];
}

// JSON has no NaN: a figure that could not be measured is written as null.
const finite = (n: number | undefined): number | null => (n !== undefined && Number.isFinite(n) ? n : null);

export function toRecord(figure: Figure): FigureRecord {
  return {
    name: figure.name,
    value: finite(figure.value),
    unit: figure.unit,
    baseline: figure.baseline ? { name: figure.baseline.name, value: finite(figure.baseline.value) } : null,
    ratio: finite(ratioOf(figure)),
    target: figure.target ?? null,
    verdict: verdict(figure),
    better: betterOf(figure),
    ...(figure.note ? { note: figure.note } : {}),
  };
}

export function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

export function runMetadata(mode: 'quick' | 'full', only?: string): RunMetadata {
  return {
    at: new Date().toISOString(),
    node: process.version,
    commit: gitCommit(),
    mode,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    ...(only !== undefined ? { only } : {}),
  };
}

export function toDocument(figures: readonly Figure[], meta: RunMetadata): BenchDocument {
  return { meta, figures: figures.map(toRecord) };
}
