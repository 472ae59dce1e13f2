/** A link's delivery guarantee, retry and circuit breaker (`link.configure`). */
import { useEffect, useState } from 'react';
import type { LinkPolicy } from '../../../kernel/resilienceTypes';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { CheckField, NumberField, SelectField } from '../../ui/fields';
import { useCommands } from './useCommands';

const DEFAULT_POLICY: LinkPolicy = { delivery: 'at-most-once', retry: { initialMs: 50, maxMs: 1000, maxAttempts: 5 } };
const DEFAULT_BREAKER = { failures: 5, windowMs: 10_000, openMs: 5_000 };

export function LinkPolicyForm({ id }: { id: string }) {
  const { policy, setPolicy, breaker, status, busy, apply } = useLinkPolicy(id);
  if (!policy) return null;
  return (
    <form
      className="lab-form res-form"
      aria-label="Link policy"
      onSubmit={(e) => (e.preventDefault(), void apply([{ type: 'link.configure', id, policy }], 'Link policy applied.'))}
    >
      <SelectField
        label="Delivery"
        value={policy.delivery}
        options={['at-most-once', 'at-least-once'] as const}
        onChange={(delivery) => setPolicy({ ...policy, delivery })}
      />
      {policy.delivery === 'at-least-once' && <RetryFields policy={policy} setPolicy={setPolicy} />}
      <CheckField
        label="Circuit breaker"
        checked={!!policy.breaker}
        onChange={(on) => setPolicy(on ? { ...policy, breaker: DEFAULT_BREAKER } : { delivery: policy.delivery, retry: policy.retry })}
      />
      {policy.breaker && <BreakerFields policy={policy} breaker={policy.breaker} setPolicy={setPolicy} />}
      {breaker && (
        <p className="small">
          Breaker: <span className="mono">{breaker}</span>
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          Apply link policy
        </button>
        {status && (
          <span className="small muted" role="status">
            {status}
          </span>
        )}
      </div>
    </form>
  );
}

/** The link's policy and breaker state, loaded from the kernel's snapshot and again after every apply. */
function useLinkPolicy(id: string) {
  const store = useWorkbenchStore();
  const [policy, setPolicy] = useState<LinkPolicy | null>(null);
  const [breaker, setBreaker] = useState<'closed' | 'open' | 'half-open' | undefined>();
  const { status, busy, apply } = useCommands();
  useEffect(() => {
    let live = true;
    void store.api.snapshot().then((s) => {
      const link = s.links.find((l) => l.id === id);
      if (!live) return;
      setPolicy(link?.policy ?? DEFAULT_POLICY);
      setBreaker(link?.breaker);
    });
    return () => {
      live = false;
    };
  }, [store, id, status]);
  return { policy, setPolicy, breaker, status, busy, apply };
}

interface PolicyProps {
  policy: LinkPolicy;
  setPolicy(policy: LinkPolicy): void;
}

/** Retry backoff and attempts (at-least-once delivery only). */
function RetryFields({ policy, setPolicy }: PolicyProps) {
  const retry = (patch: Partial<LinkPolicy['retry']>) => setPolicy({ ...policy, retry: { ...policy.retry, ...patch } });
  return (
    <div className="lab-row">
      <NumberField label="Retry after" unit="ms" min={1} value={policy.retry.initialMs} onChange={(initialMs) => retry({ initialMs })} />
      <NumberField label="Retry at most every" unit="ms" min={1} value={policy.retry.maxMs} onChange={(maxMs) => retry({ maxMs })} />
      <NumberField label="Attempts" min={1} value={policy.retry.maxAttempts} onChange={(maxAttempts) => retry({ maxAttempts })} />
    </div>
  );
}

/** The circuit breaker's thresholds. */
function BreakerFields({ policy, breaker: b, setPolicy }: PolicyProps & { breaker: NonNullable<LinkPolicy['breaker']> }) {
  return (
    <div className="lab-row">
      <NumberField
        label="Failures to open"
        min={1}
        value={b.failures}
        onChange={(failures) => setPolicy({ ...policy, breaker: { ...b, failures } })}
      />
      <NumberField
        label="Within"
        unit="ms"
        min={1}
        value={b.windowMs}
        onChange={(windowMs) => setPolicy({ ...policy, breaker: { ...b, windowMs } })}
      />
      <NumberField
        label="Open for"
        unit="ms"
        min={1}
        value={b.openMs}
        onChange={(openMs) => setPolicy({ ...policy, breaker: { ...b, openMs } })}
      />
    </div>
  );
}
