/**
 * A replay report as the Replay tab shows it (pure): the verdict, the divergences (the first
 * marked), and one conversation side by side, recorded against replayed, message by message.
 */
import { describeDivergence, type Divergence } from '../../../experiments/replay/diff';
import type { Conversation, ConversationMessage } from '../../../experiments/replay/conversations';
import type { ReplayReport } from '../../../experiments/replay/replayRecording';
import { compactJson } from '../../store/reduceEvents';
import { plural } from '../../ui/format';

export interface DivergenceRow {
  key: string;
  first: boolean;
  conversation: string;
  text: string;
  /** The recorded event to jump to in playback (absent for a message only the replay has). */
  seq?: number;
}

export interface ReportView {
  ok: boolean;
  verdict: string;
  rows: DivergenceRow[];
  /** The conversation shown side by side first: the first divergence's, else the first one. */
  focus?: string;
  refused: string[];
}

export function reportView(report: ReplayReport): ReportView {
  const refused = report.refused.map((r) => `${r.command}: ${r.error}`);
  const rows = report.divergences.map((d, i) => ({
    key: `${d.conversation}-${d.kind}-${d.index}-${i}`,
    first: d.first === true,
    conversation: d.conversation,
    text: describeDivergence(d),
    ...(d.recorded ? { seq: d.recorded.seq } : {}),
  }));
  // The first divergence leads the list.
  rows.sort((a, b) => Number(b.first) - Number(a.first));
  const messages = report.recorded.reduce((n, c) => n + c.messages.length, 0);
  const focus = report.first?.conversation ?? report.recorded[0]?.id;
  if (rows.length === 0) {
    const exact = report.exact ? ' The log is the same to the byte (same log hash).' : '';
    return {
      ok: true,
      verdict: `No divergences: ${plural(report.recorded.length, 'conversation')}, ${plural(messages, 'message')} matched.${exact}`,
      rows,
      ...(focus ? { focus } : {}),
      refused,
    };
  }
  const conversations = new Set(report.divergences.map((d) => d.conversation)).size;
  return {
    ok: false,
    verdict: `${plural(rows.length, 'divergence')} in ${plural(conversations, 'conversation')}.`,
    rows,
    ...(focus ? { focus } : {}),
    refused,
  };
}

export interface SideBySideRow {
  index: number;
  recorded?: string;
  replayed?: string;
  differs: boolean;
}

/** A message in one line: performative, sender → receiver, content. */
export function messageLine(m: ConversationMessage): string {
  const { performative, sender, receiver, content } = m.message;
  return `${performative} ${sender} → ${Array.isArray(receiver) ? receiver.join(',') : receiver} ${compactJson(content, 80)}`;
}

/** The events (by seq, on each side) a divergence of this conversation names. */
function differingSeqs(divergences: readonly Divergence[], conversation: string) {
  const recorded = new Set<number>();
  const replayed = new Set<number>();
  for (const d of divergences) {
    if (d.conversation !== conversation) continue;
    if (d.recorded) recorded.add(d.recorded.seq);
    if (d.replayed) replayed.add(d.replayed.seq);
  }
  return { recorded, replayed };
}

/** The two sides of one conversation, row by row (the replayed side paired as the diff paired it). */
export function sideBySide(report: ReplayReport, conversation: string, replayedId = pairedId(report, conversation)): SideBySideRow[] {
  const left = report.recorded.find((c) => c.id === conversation)?.messages ?? [];
  const right = report.replayed.find((c) => c.id === replayedId)?.messages ?? [];
  const marks = differingSeqs(report.divergences, conversation);
  const rows: SideBySideRow[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const differs =
      (left[i] !== undefined && marks.recorded.has(left[i]!.seq)) || (right[i] !== undefined && marks.replayed.has(right[i]!.seq));
    const row: SideBySideRow = { index: i, differs };
    if (left[i]) row.recorded = messageLine(left[i]!);
    if (right[i]) row.replayed = messageLine(right[i]!);
    rows.push(row);
  }
  return rows;
}

/** The replayed conversation paired with a recorded one: same id, else the same place in order. */
export function pairedId(report: Pick<ReplayReport, 'recorded' | 'replayed'>, conversation: string): string | undefined {
  if (report.replayed.some((c: Conversation) => c.id === conversation)) return conversation;
  const recordedIds = new Set(report.recorded.map((c) => c.id));
  const unpairedRecorded = report.recorded.filter((c) => !report.replayed.some((r) => r.id === c.id));
  const unpairedReplayed = report.replayed.filter((c) => !recordedIds.has(c.id));
  const at = unpairedRecorded.findIndex((c) => c.id === conversation);
  return at >= 0 ? unpairedReplayed[at]?.id : undefined;
}
