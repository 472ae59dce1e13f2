/** One fault of a phase: kind and its parameters, targets, probability, performatives, pulse. */
import type { FaultKind } from '../../../kernel/resilienceTypes';
import type { Performative } from '../../../protocol/performatives';
import { AGENT_FAULTS, CORRUPT_FIELDS, FAULT_KINDS, type FaultForm } from './experimentForm';
import { CheckField, NameChecks, NumberField, SelectField, TextField } from '../../ui/fields';

const KIND_LABELS: Record<FaultKind, string> = {
  latency: 'latency + jitter',
  drop: 'drop',
  duplicate: 'duplicate',
  reorder: 'reorder',
  corrupt: 'corrupt',
  partition: 'partition',
  bandwidth: 'bandwidth',
  kill: 'kill agent',
  crash: 'crash agent',
  hang: 'hang agent',
  slow: 'slow agent',
  'clock-skew': 'clock skew',
};

const FILTERABLE: readonly Performative[] = [
  'request',
  'inform',
  'query-if',
  'query-ref',
  'propose',
  'accept-proposal',
  'reject-proposal',
  'agree',
  'refuse',
  'failure',
  'not-understood',
  'cfp',
  'subscribe',
  'cancel',
];

export function FaultEditor(props: {
  fault: FaultForm;
  label: string;
  links: readonly string[];
  agents: readonly string[];
  onChange(f: FaultForm): void;
  onRemove(): void;
}) {
  const { fault: f, label, onChange } = props;
  const agentFault = AGENT_FAULTS.has(f.kind);
  const set = (patch: Partial<FaultForm>) => onChange({ ...f, ...patch });
  const param = (patch: Partial<FaultForm['params']>) => set({ params: { ...f.params, ...patch } });
  const pulse = (patch: Partial<FaultForm['pulse']>) => set({ pulse: { ...f.pulse, ...patch } });
  return (
    <div className="lab-fault" role="group" aria-label={label}>
      <div className="lab-row">
        <SelectField
          label="Fault kind"
          value={f.kind}
          options={FAULT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          onChange={(kind) =>
            set({ kind, probability: AGENT_FAULTS.has(kind) === agentFault ? f.probability : AGENT_FAULTS.has(kind) ? 1 : 0.3 })
          }
        />
        <NumberField
          label="Probability"
          value={f.probability}
          min={0}
          max={1}
          step={0.05}
          onChange={(probability) => set({ probability })}
        />
        <FaultParams f={f} param={param} />
        <button
          type="button"
          className="btn btn-ghost btn-small btn-danger lab-remove"
          onClick={props.onRemove}
          aria-label={`Remove ${label}`}
        >
          Remove
        </button>
      </div>
      <FaultTargets f={f} set={set} links={props.links} agents={props.agents} />
      <PulseFields f={f} pulse={pulse} />
    </div>
  );
}

/** The parameters of the chosen fault kind. */
function FaultParams({ f, param }: { f: FaultForm; param(patch: Partial<FaultForm['params']>): void }) {
  return (
    <>
      {f.kind === 'latency' && (
        <>
          <NumberField label="Delay" unit="ms" value={f.params.ms} onChange={(ms) => param({ ms })} />
          <NumberField label="Jitter" unit="ms" value={f.params.jitterMs} onChange={(jitterMs) => param({ jitterMs })} />
        </>
      )}
      {(f.kind === 'slow' || f.kind === 'clock-skew') && (
        <NumberField
          label={f.kind === 'slow' ? 'Extra time' : 'Skew'}
          unit="ms"
          min={-1e9}
          value={f.params.ms}
          onChange={(ms) => param({ ms })}
        />
      )}
      {f.kind === 'reorder' && (
        <NumberField label="Window" unit="ms" value={f.params.windowMs} onChange={(windowMs) => param({ windowMs })} />
      )}
      {f.kind === 'bandwidth' && (
        <NumberField
          label="Bytes per second"
          value={f.params.bytesPerSecond}
          step={1000}
          onChange={(bytesPerSecond) => param({ bytesPerSecond })}
        />
      )}
      {f.kind === 'corrupt' && (
        <SelectField label="Field" value={f.params.field} options={CORRUPT_FIELDS} onChange={(field) => param({ field })} />
      )}
      {f.kind === 'partition' && (
        <>
          <TextField label="Sides" wide placeholder="a, b | c, d" value={f.params.groups} onChange={(groups) => param({ groups })} />
          <SelectField
            label="Direction"
            value={f.params.direction}
            options={['both', 'one-way'] as const}
            onChange={(direction) => param({ direction })}
          />
        </>
      )}
    </>
  );
}

/** Agents or links the fault hits, and the performatives it is limited to. */
function FaultTargets(props: { f: FaultForm; set(patch: Partial<FaultForm>): void; links: readonly string[]; agents: readonly string[] }) {
  const { f, set } = props;
  const agentFault = AGENT_FAULTS.has(f.kind);
  return (
    <div className="lab-row">
      {f.kind !== 'partition' &&
        (agentFault ? (
          <NameChecks legend="Agents (none = all)" names={props.agents} chosen={f.agents} onChange={(agents) => set({ agents })} />
        ) : (
          <NameChecks
            legend="Links (none = all)"
            names={props.links}
            chosen={f.links}
            onChange={(links) => set({ links })}
            empty="no links yet"
          />
        ))}
      {!agentFault && (
        <label className="lab-field">
          <span className="lab-label">Only performatives</span>
          <select
            multiple
            className="lab-input lab-multi"
            aria-label="Only performatives"
            value={f.performatives}
            onChange={(e) => set({ performatives: Array.from(e.currentTarget.selectedOptions, (o) => o.value as Performative) })}
          >
            {FILTERABLE.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** Inject once for the whole phase, or again and again (a pulse). */
function PulseFields({ f, pulse }: { f: FaultForm; pulse(patch: Partial<FaultForm['pulse']>): void }) {
  return (
    <div className="lab-row">
      <CheckField label="Pulse" checked={f.pulse.enabled} onChange={(enabled) => pulse({ enabled })} />
      {f.pulse.enabled && (
        <>
          <NumberField label="Every" unit="ms" min={1} value={f.pulse.everyMs} onChange={(everyMs) => pulse({ everyMs })} />
          <NumberField label="Hold" unit="ms" value={f.pulse.holdMs} onChange={(holdMs) => pulse({ holdMs })} />
          <SelectField
            label="Each pulse hits"
            value={f.pulse.pick}
            options={
              [
                { value: 'one', label: 'one target (seeded)' },
                { value: 'all', label: 'every target' },
              ] as const
            }
            onChange={(pick) => pulse({ pick })}
          />
        </>
      )}
      {!f.pulse.enabled && <span className="muted small">Injected at the phase start, cleared at its end.</span>}
    </div>
  );
}
