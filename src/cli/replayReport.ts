/**
 * What `orrery replay` says: a summary for a person (stdout), the report as JSON (--json)
 * and as JUnit (--junit: one test case per recorded conversation, failing when it diverged).
 */
import type { Divergence } from '../experiments/replay/diff';
import type { ConversationMessage } from '../experiments/replay/conversations';
import type { MatchRules } from '../experiments/replay/match';
import type { ReplayReport } from '../experiments/replay/replayRecording';
import type { TimedCommand } from '../experiments/replay/externalInputs';
import type { Recording } from '../experiments/replay/types';
import { junitXml, type JUnitCase } from './junit';
import { junitTimestamp } from './junitReports';
import type { ReplayAgents } from './replayAgents';

export interface ReplayRun {
  file: string;
  against?: string;
  recording: Recording;
  inputs: readonly TimedCommand[];
  agents: Pick<ReplayAgents, 'replaced'>;
  rules: MatchRules;
  report: ReplayReport;
  wallMs: number;
  /** --stand-in: each stand-in, the ORR510 / ORR511 lines of what it could not answer. */
  standIns?: StandInOutcome[];
}

export interface StandInOutcome {
  label: string;
  misses: string[];
  unused: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const json = (value: unknown, max = 120) => {
  const text = JSON.stringify(value) ?? '(absent)';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export function messageLine(m: ConversationMessage | undefined): string {
  if (!m) return 'nothing';
  const receiver = Array.isArray(m.message.receiver) ? m.message.receiver.join(',') : m.message.receiver;
  return `${m.message.performative} ${m.message.sender} → ${receiver} at ${seconds(m.t)}: ${json(m.message.content)}`;
}

/** The divergence in full: where, which fields, both messages. */
export function divergenceLines(d: Divergence): string[] {
  const where = `conversation ${d.conversation}, message ${d.index + 1}`;
  const what =
    d.kind === 'missing'
      ? ['  recorded, but not replayed']
      : d.kind === 'extra'
        ? ['  replayed, but not recorded']
        : d.fields.map((f) => `  field ${f.field}: recorded ${json(f.recorded, 80)}, replayed ${json(f.replayed, 80)}`);
  return [where, ...what, `  recorded: ${messageLine(d.recorded)}`, `  replayed: ${messageLine(d.replayed)}`];
}

function inputsLine(run: ReplayRun): string {
  const count = (test: (c: TimedCommand) => boolean) => run.inputs.filter(test).length;
  const messages = count((i) => i.command.type === 'message.send');
  const faults = count((i) => i.command.type.startsWith('chaos.'));
  const span = run.inputs.length > 0 ? run.inputs.at(-1)!.t - run.inputs[0]!.t : 0;
  return `inputs: ${run.inputs.length} external (${messages} messages, ${faults} faults, ${run.inputs.length - messages - faults} other commands) over ${seconds(span)}`;
}

function divergedConversations(report: ReplayReport): number {
  return new Set(report.divergences.map((d) => d.conversation)).size;
}

export function verdictLine(report: ReplayReport): string {
  if (report.first) {
    const n = divergedConversations(report);
    return `verdict: DIVERGED: ${n} of ${report.recorded.length} conversation${report.recorded.length === 1 ? '' : 's'} differ (${report.divergences.length} divergence${report.divergences.length === 1 ? '' : 's'})`;
  }
  return report.exact
    ? 'verdict: the replay matches the recording exactly (same log hash)'
    : 'verdict: the replay matches the recording under the matching rules (the log differs elsewhere: a different log hash)';
}

export function renderReplay(run: ReplayRun): string {
  const { recording, report } = run;
  const against = run.against === undefined ? 'the recorded agents (built agents, recorded modules)' : `workspace ${run.against}`;
  const lines = [
    `replay: ${recording.header.name}   (${run.file})`,
    `against: ${against}`,
    ...run.agents.replaced.map((r) => `  ${r.agent}: recorded ${r.recorded}, now ${r.now}`),
    inputsLine(run),
    `conversations: ${report.recorded.length} recorded, ${report.replayed.length} replayed`,
    `log hash: ${report.logHash} (recorded ${recording.header.logHash})`,
  ];
  if (report.refused.length > 0) {
    lines.push(`refused while replaying: ${report.refused.length} command${report.refused.length === 1 ? '' : 's'}`);
    for (const r of report.refused.slice(0, 5)) lines.push(`  ${r.command} at ${seconds(r.t)}: ${r.error}`);
  }
  if (report.first) lines.push('', `first divergence: ${divergenceLines(report.first).join('\n')}`);
  lines.push('', verdictLine(report));
  return lines.join('\n');
}

/** --quiet: the verdict, and where it first diverged. */
export function quietReplay(report: ReplayReport): string {
  return report.first ? `${verdictLine(report)}\nfirst divergence: ${divergenceLines(report.first)[0]}` : verdictLine(report);
}

export function replayJson(run: ReplayRun): unknown {
  const { header } = run.recording;
  const { report } = run;
  return {
    recording: { file: run.file, id: header.id, name: header.name, logHash: header.logHash, counts: header.counts },
    ...(run.against !== undefined ? { against: run.against, replaced: run.agents.replaced } : {}),
    rules: run.rules,
    diverged: report.first !== undefined,
    exact: report.exact,
    logHash: report.logHash,
    conversations: { recorded: report.recorded.length, replayed: report.replayed.length, diverged: divergedConversations(report) },
    first: report.first,
    divergences: report.divergences,
    refused: report.refused,
    ...(run.standIns ? { standIns: run.standIns } : {}),
    wallMs: Math.round(run.wallMs),
  };
}

export function replayJUnit(run: ReplayRun): string {
  const { report, recording } = run;
  const classname = `replay.${recording.header.name}`;
  const byConversation = new Map<string, Divergence[]>();
  for (const d of report.divergences) byConversation.set(d.conversation, [...(byConversation.get(d.conversation) ?? []), d]);
  const ids = [...new Set([...report.recorded.map((c) => c.id), ...byConversation.keys()])];
  const cases: JUnitCase[] = ids.map((id) => {
    const found = byConversation.get(id);
    if (!found) return { name: `conversation ${id}`, classname };
    const first = found.find((d) => d.first) ?? found[0]!;
    const message = divergenceLines(first).slice(0, 2).join(':').replace(/\s+/g, ' ');
    return {
      name: `conversation ${id}`,
      classname,
      failure: { message, type: 'divergence', details: found.flatMap(divergenceLines).join('\n') },
    };
  });
  for (const s of run.standIns ?? [])
    cases.push({
      name: `stand-in ${s.label}`,
      classname,
      ...(s.misses.length > 0 ? { failure: { message: s.misses[0]!, type: 'stand-in', details: s.misses.join('\n') } } : {}),
    });
  return junitXml('orrery replay', [
    {
      name: `replay: ${recording.header.name}`,
      time: run.wallMs / 1000,
      timestamp: junitTimestamp(),
      properties: { recording: run.file, logHash: report.logHash },
      cases,
    },
  ]);
}
