/** The experiment as a form: name, seed, workload, hypothesis, schedule and fault phases. */
import { linkIds, newFault, newPhase, type ChaosForm, type PhaseForm } from './experimentForm';
import { FaultEditor } from './FaultEditor';
import { CheckField, NameChecks, NumberField, SelectField, TextField } from '../../ui/fields';

interface SectionProps {
  form: ChaosForm;
  set(patch: Partial<ChaosForm>): void;
}

export function ExperimentForm({ form, onChange }: { form: ChaosForm; onChange(f: ChaosForm): void }) {
  const set = (patch: Partial<ChaosForm>) => onChange({ ...form, ...patch });
  return (
    <form className="lab-form" aria-label="Experiment form" onSubmit={(e) => e.preventDefault()}>
      <div className="lab-row">
        <TextField label="Name" wide value={form.name} onChange={(name) => set({ name })} />
        <NumberField label="Seed" value={form.seed} max={2 ** 32 - 1} onChange={(seed) => set({ seed: Math.floor(seed) >>> 0 })} />
      </div>

      <WorkloadFields form={form} set={set} />
      <HypothesisFields form={form} set={set} />
      <ScheduleFields form={form} set={set} />
    </form>
  );
}

function WorkloadFields({ form, set }: SectionProps) {
  const agents = form.base.topology.agents.map((a) => a.name);
  const workload = (patch: Partial<ChaosForm['workload']>) => set({ workload: { ...form.workload, ...patch } });
  return (
    <fieldset className="lab-section">
      <legend>Workload</legend>
      <div className="lab-row">
        <TextField label="Client" value={form.workload.client} onChange={(client) => workload({ client })} />
        <NumberField
          label="Rate"
          unit="req/s"
          min={0.1}
          value={form.workload.ratePerSecond}
          onChange={(ratePerSecond) => workload({ ratePerSecond })}
        />
        <NumberField label="Timeout" unit="ms" min={1} value={form.workload.timeoutMs} onChange={(timeoutMs) => workload({ timeoutMs })} />
        <SelectField
          label="Arrivals"
          value={form.workload.arrival}
          options={['uniform', 'poisson'] as const}
          onChange={(arrival) => workload({ arrival })}
        />
      </div>
      <NameChecks
        legend="Targets"
        names={agents}
        chosen={form.workload.targets}
        onChange={(targets) => workload({ targets })}
        empty="deploy agents first"
      />
    </fieldset>
  );
}

function HypothesisFields({ form, set }: SectionProps) {
  const probes = form.probes;
  const probe = (patch: Partial<ChaosForm['probes']>) => set({ probes: { ...probes, ...patch } });
  return (
    <fieldset className="lab-section">
      <legend>Hypothesis</legend>
      <div className="lab-probes">
        <CheckField label="No lost messages" checked={probes.noLost} onChange={(noLost) => probe({ noLost })} />
        <div className="lab-row">
          <CheckField
            label="p95 latency below"
            checked={probes.latency.enabled}
            onChange={(enabled) => probe({ latency: { ...probes.latency, enabled } })}
          />
          <NumberField
            label="p95 limit"
            unit="ms"
            value={probes.latency.maxMs}
            onChange={(maxMs) => probe({ latency: { ...probes.latency, maxMs } })}
          />
        </div>
        <CheckField label="All agents running" checked={probes.allRunning} onChange={(allRunning) => probe({ allRunning })} />
        <div className="lab-row">
          <CheckField
            label="Dead letters at most"
            checked={probes.deadLetters.enabled}
            onChange={(enabled) => probe({ deadLetters: { ...probes.deadLetters, enabled } })}
          />
          <NumberField
            label="Dead letter limit"
            value={probes.deadLetters.max}
            onChange={(max) => probe({ deadLetters: { ...probes.deadLetters, max } })}
          />
        </div>
        <div className="lab-row">
          <CheckField
            label="Success rate at least"
            checked={probes.successRate.enabled}
            onChange={(enabled) => probe({ successRate: { ...probes.successRate, enabled } })}
          />
          <NumberField
            label="Success rate"
            min={0}
            max={1}
            step={0.01}
            value={probes.successRate.min}
            onChange={(min) => probe({ successRate: { ...probes.successRate, min } })}
          />
        </div>
      </div>
    </fieldset>
  );
}

function ScheduleFields({ form, set }: SectionProps) {
  const agents = form.base.topology.agents.map((a) => a.name);
  const links = linkIds(form);
  const schedule = (patch: Partial<ChaosForm['schedule']>) => set({ schedule: { ...form.schedule, ...patch } });
  const phase = (i: number, next: PhaseForm | null) =>
    set({ phases: next ? form.phases.map((p, j) => (j === i ? next : p)) : form.phases.filter((_, j) => j !== i) });
  return (
    <fieldset className="lab-section">
      <legend>Schedule</legend>
      <div className="lab-row">
        <NumberField label="Warm-up" unit="ms" value={form.schedule.warmupMs} onChange={(warmupMs) => schedule({ warmupMs })} />
        <NumberField
          label="Steady state"
          unit="ms"
          min={1}
          value={form.schedule.steadyMs}
          onChange={(steadyMs) => schedule({ steadyMs })}
        />
        <NumberField label="Settle" unit="ms" value={form.schedule.settleMs} onChange={(settleMs) => schedule({ settleMs })} />
        <NumberField
          label="Recovery"
          unit="ms"
          min={1}
          value={form.schedule.recoveryMs}
          onChange={(recoveryMs) => schedule({ recoveryMs })}
        />
      </div>
      {form.phases.map((p, i) => (
        <div key={i} className="lab-phase" role="group" aria-label={`Phase ${i + 1}`}>
          <div className="lab-row">
            <TextField label="Phase name" value={p.name} onChange={(name) => phase(i, { ...p, name })} />
            <NumberField
              label="Duration"
              unit="ms"
              min={1}
              value={p.durationMs}
              onChange={(durationMs) => phase(i, { ...p, durationMs })}
            />
            <NumberField label="Settle after" unit="ms" value={p.settleMs} onChange={(settleMs) => phase(i, { ...p, settleMs })} />
            <button
              type="button"
              className="btn btn-ghost btn-small btn-danger lab-remove"
              onClick={() => phase(i, null)}
              aria-label={`Remove phase ${i + 1}`}
            >
              Remove phase
            </button>
          </div>
          {p.faults.map((f, j) => (
            <FaultEditor
              key={j}
              label={`Fault ${j + 1} of phase ${i + 1}`}
              fault={f}
              links={links}
              agents={agents}
              onChange={(next) => phase(i, { ...p, faults: p.faults.map((x, k) => (k === j ? next : x)) })}
              onRemove={() => phase(i, { ...p, faults: p.faults.filter((_, k) => k !== j) })}
            />
          ))}
          <button type="button" className="btn btn-small" onClick={() => phase(i, { ...p, faults: [...p.faults, newFault()] })}>
            Add fault
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => set({ phases: [...form.phases, newPhase(form.phases.length)] })}>
        Add phase
      </button>
    </fieldset>
  );
}
