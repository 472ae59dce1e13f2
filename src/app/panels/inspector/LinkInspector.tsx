import { useEffect, useState } from 'react';
import type { Counters } from '../../../kernel/types';
import { formatRate } from '../../store/rates';
import type { LinkState } from '../../store/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { ActionButton } from '../../ui/ActionButton';
import { Section } from './Section';
import { formatMs } from '../../ui/format';
import { LinkContractSection } from '../contracts/LinkContractSection';

/** The kernel's own counters for one link (sent, delivered, failed), refreshed each second. */
function useLinkCounters(id: string): Counters | null {
  const store = useWorkbenchStore();
  const [counters, setCounters] = useState<Counters | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      store.api
        .snapshot()
        .then((s) => {
          if (live) setCounters(s.links.find((l) => l.id === id)?.counters ?? null);
        })
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [store, id]);
  return counters;
}

export function LinkInspector({ link }: { link: LinkState }) {
  const flow = useWorkbench((s) => s.flows[link.id]);
  const ab = useWorkbench((s) => s.rates.links[`${link.id}>`] ?? 0);
  const ba = useWorkbench((s) => s.rates.links[`${link.id}<`] ?? 0);
  const counters = useLinkCounters(link.id);
  const mean = flow && flow.timed > 0 ? flow.latencySumMs / flow.timed : null;
  return (
    <div className="inspector-body" role="region" aria-label={`Inspector for link ${link.a} – ${link.b}`}>
      <div className="inspector-title">
        <span className="inspector-name">
          {link.a} ⟷ {link.b}
        </span>
        <span className="muted mono">{link.id}</span>
      </div>
      <div className="button-row insp-controls" role="group" aria-label="Link controls">
        <ActionButton id="link.remove" args={{ id: link.id }} watch={link.id} danger />
      </div>
      <Section title="Counters">
        <dl className="props">
          <dt>Delivered</dt>
          <dd className="mono">{counters?.delivered ?? link.messages}</dd>
          <dt>Sent</dt>
          <dd className="mono">{counters?.sent ?? '—'}</dd>
          <dt>Failed</dt>
          <dd className="mono">{counters?.failed ?? '—'}</dd>
          <dt>
            {link.a} → {link.b}
          </dt>
          <dd className="mono">
            {flow?.ab ?? 0} · {formatRate(ab)} msg/s
          </dd>
          <dt>
            {link.b} → {link.a}
          </dt>
          <dd className="mono">
            {flow?.ba ?? 0} · {formatRate(ba)} msg/s
          </dd>
        </dl>
      </Section>
      <Section title="Latency">
        {mean === null || !flow ? (
          <p className="muted small">No message has crossed this link yet.</p>
        ) : (
          <dl className="props">
            <dt>Mean</dt>
            <dd className="mono">{formatMs(mean)}</dd>
            <dt>Last</dt>
            <dd className="mono">{formatMs(flow.latencyLastMs)}</dd>
            <dt>Max</dt>
            <dd className="mono">{formatMs(flow.latencyMaxMs)}</dd>
            <dt>Measured</dt>
            <dd className="mono">{flow.timed} messages</dd>
          </dl>
        )}
        <p className="muted small">Delivered time − sent time, from the event log.</p>
      </Section>
      <LinkContractSection a={link.a} b={link.b} />
    </div>
  );
}
