/**
 * `orrery contract check OLD NEW`: is the new version of a contract file (orrery.contract/1)
 * compatible with the old one? Each change with its rule and reason (src/experiments/contracts:
 * what a kind accepts may only widen, what it sends may only narrow). Exit 0 compatible,
 * 1 breaking, 2 when either file is not a valid contract (each problem with its path).
 */
import { compareContracts } from '../experiments/contracts/compareContracts';
import type { Change, ContractComparison, ContractFile } from '../experiments/contracts/types';
import type { CliIo } from './commands';
import type { CommonFlags } from './commonFlags';
import { EXIT, type ExitCode } from './exitCodes';
import { readContractFile } from './readContractFile';
import { junitXml, type JUnitCase } from './junit';
import { junitTimestamp } from './junitReports';
import { checkOutputs, writeOutput } from './loadFiles';

export type ContractCli = { command: 'contract'; action: 'check'; before: string; after: string } & Omit<CommonFlags, 'seed'>;

const refOf = (c: Change) =>
  'performative' in c.contract ? `${c.contract.kind}.${c.contract.performative}.${c.contract.direction}` : c.contract.kind;
const where = (c: Change) => (c.path ? `${refOf(c)} ${c.path}` : refOf(c));

/** The reason names the path into the content already. */
const changeLine = (c: Change) => `${refOf(c)}: ${c.rule}: ${c.reason}`;

export function renderContractCheck(before: ContractFile, after: ContractFile, result: ContractComparison): string {
  const head = `contract: ${before.version} → ${after.version}: ${result.breaking.length} breaking, ${result.compatible.length} compatible change${result.compatible.length === 1 ? '' : 's'}`;
  return [
    head,
    ...result.breaking.map((c) => `  BREAKING    ${changeLine(c)}`),
    ...result.compatible.map((c) => `  compatible  ${changeLine(c)}`),
    `verdict: ${result.breaking.length === 0 ? 'compatible: nothing that talks to these kinds breaks' : 'BREAKING: agents written against the old version break'}`,
  ].join('\n');
}

/** --junit: one case per change (a breaking one fails); no change at all is one passing case. */
export function contractJUnit(before: ContractFile, after: ContractFile, result: ContractComparison, files: string): string {
  const classname = 'contract';
  const cases: JUnitCase[] = [
    ...result.breaking.map((c) => ({ name: where(c), classname, failure: { message: `${c.rule}: ${c.reason}`, type: c.rule } })),
    ...result.compatible.map((c) => ({ name: `${where(c)} (${c.rule})`, classname })),
  ];
  if (cases.length === 0) cases.push({ name: 'no change', classname });
  return junitXml('orrery contract check', [
    { name: `contract ${before.version} → ${after.version}`, timestamp: junitTimestamp(), properties: { files }, cases },
  ]);
}

export async function contractCommand(cli: ContractCli, io: CliIo): Promise<ExitCode> {
  await checkOutputs(cli);
  const [before, after] = (await Promise.all([readContractFile(cli.before), readContractFile(cli.after)])).map((c) => c.file) as [
    ContractFile,
    ContractFile,
  ];
  const result = compareContracts(before, after);
  const rendered = renderContractCheck(before, after, result);
  io.out(cli.quiet ? rendered.split('\n').at(-1)! : rendered);
  const json = { before: { file: cli.before, version: before.version }, after: { file: cli.after, version: after.version }, ...result };
  await writeOutput('--json', cli.json, `${JSON.stringify(json, null, 2)}\n`);
  await writeOutput('--junit', cli.junit, contractJUnit(before, after, result, `${cli.before} ${cli.after}`));
  return result.breaking.length === 0 ? EXIT.pass : EXIT.fail;
}
