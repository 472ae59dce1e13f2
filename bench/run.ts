/**
 * `npm run bench [-- --quick] [-- --no-browser] [-- --only TEXT] [-- --json FILE]
 * [-- --compare OLD.json [--against NEW.json]]`: every figure next to a baseline measured in
 * the same run (these machines are shared and noisy), printed as one table and written as
 * JSON to .cache/bench.json (and FILE). `--compare` prints the change per figure against an
 * earlier document and exits 1 when one regressed by more than 10 %; with `--against` it
 * compares two documents without running anything.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseBenchArgs } from './args';
import { compareFigures, figuresOf, renderComparison, type ComparableFigure } from './compare';
import { GROUPS, selectGroups } from './groups';
import { runMetadata, toDocument, type BenchDocument } from './report';
import { renderTable, type Figure } from './table';

const args = parseBenchArgs(process.argv.slice(2));

interface ReadDocument {
  figures: ComparableFigure[];
  mode?: string;
}

function readDocument(file: string): ReadDocument {
  const document = JSON.parse(readFileSync(file, 'utf8')) as { meta?: { mode?: string } } | null;
  return { figures: figuresOf(document, file), ...(document?.meta?.mode ? { mode: document.meta.mode } : {}) };
}

function writeDocument(file: string, document: BenchDocument): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}

async function runBench(): Promise<ComparableFigure[]> {
  const groups = selectGroups(GROUPS, { browser: args.browser, ...(args.only !== undefined ? { only: args.only } : {}) });
  if (groups.length === 0) throw new Error(`--only ${args.only}: no group matches; groups: ${GROUPS.map((g) => g.label).join('; ')}`);
  const ctx = { quick: args.quick, notes: [] as string[] };
  const figures: Figure[] = [];
  for (const group of groups) {
    const start = performance.now();
    figures.push(...(await group.run(ctx)));
    console.error(`bench: ${group.label} measured in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const mode = args.quick ? 'quick' : 'full';
  console.log(`\nOrrery benchmarks (Node ${process.version}, ${mode} run)\n`);
  console.log(renderTable(figures));
  if (ctx.notes.length) console.log(`\n${ctx.notes.join('\n')}`);
  const document = toDocument(figures, runMetadata(mode, args.only));
  writeDocument('.cache/bench.json', document);
  if (args.json) {
    writeDocument(args.json, document);
    console.log(`\nwritten to ${args.json} (and .cache/bench.json)`);
  }
  return document.figures;
}

const before = args.compare !== undefined ? readDocument(args.compare) : undefined;
const after: ReadDocument =
  args.against !== undefined ? readDocument(args.against) : { figures: await runBench(), mode: args.quick ? 'quick' : 'full' };
if (before) {
  const comparison = compareFigures(before.figures, after.figures);
  console.log(`\nCompared with ${args.compare}${args.against ? ` (against ${args.against})` : ''}:\n`);
  if (before.mode && after.mode && before.mode !== after.mode) console.log(`note: a ${before.mode} run against a ${after.mode} run\n`);
  console.log(renderComparison(comparison));
  if (comparison.regressions.length > 0) process.exitCode = 1;
}
