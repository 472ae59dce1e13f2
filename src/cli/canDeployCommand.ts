/**
 * `orrery can-deploy REC --agent NAME --against WORKSPACE --contracts C.json`: can the
 * workspace's version of one agent replace the recorded one? Its new version runs in the
 * simulation against the recording's external inputs; every message it sends or receives
 * is checked against the contracts of the roles as recorded (what the agent promised to
 * send, what its peers accept), and every conversation it takes part in is compared with
 * the recorded one. Yes (exit 0) only with no violation and no divergence; else no (exit 1)
 * with the evidence.
 */
import type { Contracts } from '../experiments/contracts/parseContract';
import { checkMessage, describeViolation } from '../experiments/contracts/checkMessage';
import type { Violation } from '../experiments/contracts/types';
import type { Conversation } from '../experiments/replay/conversations';
import type { Divergence } from '../experiments/replay/diff';
import type { CliIo } from './commands';
import type { CommonFlags } from './commonFlags';
import { readContractFile } from './readContractFile';
import { EXIT, InputError, type ExitCode } from './exitCodes';
import { junitXml, type JUnitCase } from './junit';
import { junitTimestamp } from './junitReports';
import { checkOutputs, writeOutput } from './loadFiles';
import { readRecordingFile } from './recordingFile';
import { recordedAgents, replayAgents } from './replayAgents';
import { divergenceLines } from './replayReport';
import { readRulesFile } from './replayRules';

export type CanDeployCli = { command: 'can-deploy'; file: string; agent: string; against: string; contracts: string } & CommonFlags;

interface Evidence {
  agent: string;
  recordedKind: string;
  newKind: string;
  messages: number;
  violations: Violation[];
  divergences: Divergence[];
}

const receiversOf = (r: string | readonly string[]) => (typeof r === 'string' ? [r] : [...r]);
const involves = (c: Conversation, agent: string) =>
  c.messages.some((m) => m.message.sender === agent || receiversOf(m.message.receiver).includes(agent));

/** Every message the agent sent or received, against the recorded roles' contracts. */
function violationsOf(conversations: readonly Conversation[], agent: string, kinds: ReadonlyMap<string, string>, contracts: Contracts) {
  const violations: Violation[] = [];
  let messages = 0;
  for (const c of conversations)
    for (const { message } of c.messages) {
      const receivers = receiversOf(message.receiver);
      if (message.sender !== agent && !receivers.includes(agent)) continue;
      messages++;
      for (const receiver of receivers) {
        const senderKind = kinds.get(message.sender);
        const receiverKind = kinds.get(receiver);
        violations.push(
          ...checkMessage(contracts, message, {
            receiver,
            ...(senderKind !== undefined ? { senderKind } : {}),
            ...(receiverKind !== undefined ? { receiverKind } : {}),
          }),
        );
      }
    }
  return { violations, messages };
}

export function renderCanDeploy(e: Evidence): string {
  const yes = e.violations.length === 0 && e.divergences.length === 0;
  const lines = [
    `can-deploy: ${e.agent}: recorded ${e.recordedKind}, new ${e.newKind}; ${e.messages} message${e.messages === 1 ? '' : 's'} to or from it checked`,
    ...e.violations.slice(0, 10).map((v) => `  VIOLATION  ${describeViolation(v)}`),
    ...(e.violations.length > 10 ? [`  … ${e.violations.length - 10} more violations`] : []),
    ...e.divergences
      .slice(0, 10)
      .flatMap((d) => divergenceLines(d).map((l, i) => `${i === 0 ? '  DIVERGED   ' : '             '}${l.trim()}`)),
  ];
  if (e.divergences.length > 10) lines.push(`  … ${e.divergences.length - 10} more divergences`);
  lines.push(
    yes
      ? `verdict: YES: ${e.agent} keeps its contracts and every recorded conversation`
      : `verdict: NO: ${e.violations.length} contract violation${e.violations.length === 1 ? '' : 's'}, ${e.divergences.length} divergence${e.divergences.length === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}

function canDeployJUnit(e: Evidence, file: string): string {
  const classname = `can-deploy.${e.agent}`;
  const contracts: JUnitCase = e.violations.length
    ? {
        name: 'contracts',
        classname,
        failure: {
          message: describeViolation(e.violations[0]!),
          type: 'contract',
          details: e.violations.map(describeViolation).join('\n'),
        },
      }
    : { name: 'contracts', classname };
  const conversations: JUnitCase = e.divergences.length
    ? {
        name: 'recorded conversations',
        classname,
        failure: {
          message: divergenceLines(e.divergences[0]!)[0]!,
          type: 'divergence',
          details: e.divergences.flatMap(divergenceLines).join('\n'),
        },
      }
    : { name: 'recorded conversations', classname };
  return junitXml('orrery can-deploy', [
    {
      name: `can-deploy: ${e.agent} (${e.newKind})`,
      timestamp: junitTimestamp(),
      properties: { recording: file },
      cases: [contracts, conversations],
    },
  ]);
}

export async function canDeployCommand(cli: CanDeployCli, io: CliIo): Promise<ExitCode> {
  await checkOutputs(cli);
  const contracts = await readContractFile(cli.contracts);
  const recording = await readRecordingFile(cli.file);
  const kinds = recordedAgents(recording);
  const recordedKind = kinds.get(cli.agent);
  if (recordedKind === undefined)
    throw new InputError(
      `--agent ${cli.agent}: expected an agent of the recording (${[...kinds.keys()].join(', ') || 'none'}), received "${cli.agent}"`,
    );
  const agents = await replayAgents(recording, cli.against);
  const newKind = agents.kinds[cli.agent] ?? recordedKind;
  // Only the agent under test changes: the others keep their recorded kinds.
  const only = { [cli.agent]: newKind };
  const { replayInSimulation } = await import('../experiments/replay/replayRecording');
  const rules = await readRulesFile(undefined);
  const report = await replayInSimulation(recording, {
    library: agents.library,
    kinds: only,
    rules,
    ...(cli.seed !== undefined ? { seed: cli.seed } : {}),
  });
  const touched = new Set([...report.recorded, ...report.replayed].filter((c) => involves(c, cli.agent)).map((c) => c.id));
  const { violations, messages } = violationsOf(report.replayed, cli.agent, kinds, contracts);
  const evidence: Evidence = {
    agent: cli.agent,
    recordedKind,
    newKind,
    messages,
    violations,
    divergences: report.divergences.filter((d) => touched.has(d.conversation)),
  };
  const text = renderCanDeploy(evidence);
  io.out(cli.quiet ? text.split('\n').at(-1)! : text);
  const yes = violations.length === 0 && evidence.divergences.length === 0;
  await writeOutput('--json', cli.json, `${JSON.stringify({ canDeploy: yes, ...evidence }, null, 2)}\n`);
  await writeOutput('--junit', cli.junit, canDeployJUnit(evidence, cli.file));
  return yes ? EXIT.pass : EXIT.fail;
}
