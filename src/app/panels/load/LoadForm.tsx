/** The load file as a form: name and seed, each scenario (executor and its fields, target, message, mode), thresholds. */
import { useState } from 'react';
import { EXECUTOR_NAMES } from '../../../experiments/load/executors/types';
import { COMMON_PERFORMATIVES } from '../../../protocol/performatives';
import type { JsonValue } from '../../../protocol/message';
import { NumberField, SelectField, TextField } from '../../ui/fields';
import {
  changeExecutor,
  EXECUTOR_FIELDS,
  freeScenarioName,
  newScenario,
  renameScenario,
  setScenario,
  STAGED,
  type LoadDoc,
  type ScenarioDoc,
} from './loadDoc';
import { ThresholdFields } from './ThresholdFields';

export function LoadForm({ doc, agents, onChange }: { doc: LoadDoc; agents: readonly string[]; onChange(doc: LoadDoc): void }) {
  const names = Object.keys(doc.scenarios);
  return (
    <form className="lab-form" aria-label="Load experiment form" onSubmit={(e) => e.preventDefault()}>
      <div className="lab-row">
        <TextField label="Name" wide value={doc.name} onChange={(name) => onChange({ ...doc, name })} />
        <NumberField
          label="File seed"
          value={doc.seed ?? 1}
          max={2 ** 32 - 1}
          onChange={(seed) => onChange({ ...doc, seed: Math.floor(seed) >>> 0 })}
        />
      </div>
      <datalist id="load-targets">
        {agents.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {names.map((name) => (
        <ScenarioFields
          key={name}
          name={name}
          scenario={doc.scenarios[name]!}
          onRename={(to) => onChange(renameScenario(doc, name, to))}
          onChange={(next) => onChange(setScenario(doc, name, next))}
        />
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange(setScenario(doc, freeScenarioName(doc), newScenario(agents[0] ?? 'echo-1')))}
      >
        Add scenario
      </button>
      <ThresholdFields doc={doc} onChange={onChange} />
    </form>
  );
}

interface ScenarioProps {
  name: string;
  scenario: ScenarioDoc;
  onRename(to: string): void;
  onChange(next: ScenarioDoc | null): void;
}

function ScenarioFields({ name, scenario, onRename, onChange }: ScenarioProps) {
  const set = (patch: Partial<ScenarioDoc>) => onChange({ ...scenario, ...patch });
  return (
    <fieldset className="lab-section" aria-label={`Scenario ${name}`}>
      <legend>Scenario {name}</legend>
      <div className="lab-row">
        <NameField name={name} onRename={onRename} />
        <SelectField
          label="Executor"
          value={scenario.executor}
          options={EXECUTOR_NAMES}
          onChange={(e) => onChange(changeExecutor(scenario, e))}
        />
        <button
          type="button"
          className="btn btn-ghost btn-small btn-danger lab-remove"
          onClick={() => onChange(null)}
          aria-label={`Remove scenario ${name}`}
        >
          Remove
        </button>
      </div>
      <ExecutorFields scenario={scenario} set={set} />
      {STAGED.has(scenario.executor) && <StageFields scenario={scenario} set={set} />}
      <MessageFields scenario={scenario} set={set} />
    </fieldset>
  );
}

/** The scenario's name, renamed when the field loses focus (a key changes, so not on every keystroke). */
function NameField({ name, onRename }: { name: string; onRename(to: string): void }) {
  const [text, setText] = useState(name);
  return (
    <label className="lab-field">
      <span className="lab-label">Scenario name</span>
      <input
        type="text"
        className="lab-input"
        aria-label="Scenario name"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => (text.trim() ? onRename(text.trim()) : setText(name))}
      />
    </label>
  );
}

interface PartProps {
  scenario: ScenarioDoc;
  set(patch: Partial<ScenarioDoc>): void;
}

const asNumber = (v: unknown) => (typeof v === 'number' ? v : NaN);
const asText = (v: unknown) => (typeof v === 'number' ? `${v}ms` : typeof v === 'string' ? v : '');

function ExecutorFields({ scenario, set }: PartProps) {
  return (
    <div className="lab-row">
      {EXECUTOR_FIELDS[scenario.executor].map((f) =>
        f.kind === 'count' ? (
          <NumberField key={f.key} label={f.label} value={asNumber(scenario[f.key])} onChange={(v) => set({ [f.key]: v })} />
        ) : (
          <TextField key={f.key} label={f.label} value={asText(scenario[f.key])} placeholder="30s" onChange={(v) => set({ [f.key]: v })} />
        ),
      )}
      <TextField label="Start time" value={asText(scenario.startTime)} placeholder="0s" onChange={(startTime) => set({ startTime })} />
    </div>
  );
}

function StageFields({ scenario, set }: PartProps) {
  const stages = scenario.stages ?? [];
  const stage = (i: number, next: { duration: string | number; target: number } | null) =>
    set({ stages: next ? stages.map((s, j) => (j === i ? next : s)) : stages.filter((_, j) => j !== i) });
  return (
    <div className="lab-stages" role="group" aria-label="Stages">
      {stages.map((s, i) => (
        <div key={i} className="lab-row" role="group" aria-label={`Stage ${i + 1}`}>
          <TextField label="Stage duration" value={asText(s.duration)} onChange={(duration) => stage(i, { ...s, duration })} />
          <NumberField label="Stage target" value={s.target} onChange={(target) => stage(i, { ...s, target })} />
          <button type="button" className="btn btn-ghost btn-small" onClick={() => stage(i, null)} aria-label={`Remove stage ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => set({ stages: [...stages, { duration: '10s', target: 10 }] })}>
        Add stage
      </button>
    </div>
  );
}

function MessageFields({ scenario, set }: PartProps) {
  const message = scenario.message ?? { performative: 'request' };
  const mode = scenario.mode ?? 'request';
  return (
    <>
      <div className="lab-row">
        <label className="lab-field lab-wide">
          <span className="lab-label">Target</span>
          <input
            type="text"
            className="lab-input mono"
            aria-label="Target"
            list="load-targets"
            spellCheck={false}
            value={scenario.target ?? ''}
            onChange={(e) => set({ target: e.currentTarget.value })}
          />
        </label>
        <SelectField
          label="Performative"
          value={message.performative as (typeof COMMON_PERFORMATIVES)[number]}
          options={COMMON_PERFORMATIVES}
          onChange={(performative) => set({ message: { ...message, performative } })}
        />
        <SelectField label="Mode" value={mode} options={['request', 'send'] as const} onChange={(m) => set({ mode: m })} />
        {mode === 'request' && (
          <TextField label="Timeout" value={asText(scenario.timeout)} placeholder="10s" onChange={(timeout) => set({ timeout })} />
        )}
      </div>
      <div className="lab-row">
        <ContentField content={message.content} onChange={(content) => set({ message: { ...message, content } })} />
      </div>
    </>
  );
}

/** `text` is JSON for the same value as `json`. */
function sameJson(text: string, json: string): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === json;
  } catch {
    return false;
  }
}

/** The message content as JSON text; it changes the file once the text parses. */
function ContentField({ content, onChange }: { content: JsonValue | undefined; onChange(v: JsonValue): void }) {
  const shown = content === undefined ? '' : JSON.stringify(content);
  const [text, setText] = useState(shown);
  const [base, setBase] = useState(shown);
  if (base !== shown) {
    // The file changed underneath (JSON view, gallery): show its content unless it is what is typed.
    setBase(shown);
    if (!sameJson(text, shown)) setText(shown);
  }
  const valid = text === '' || safeParse(text) !== undefined;
  return (
    <label className="lab-field lab-wide">
      <span className="lab-label">
        Message content (JSON; ${'{vu}'}, ${'{iter}'}, ${'{rand:uuid}'} in strings)
      </span>
      <input
        type="text"
        className="lab-input mono"
        aria-label="Message content"
        aria-invalid={!valid}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = safeParse(next);
          if (parsed !== undefined) onChange(parsed);
        }}
      />
      {!valid && <span className="small lab-errors">Not JSON yet: the file keeps the last valid content.</span>}
    </label>
  );
}

function safeParse(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
