import type { KernelState } from './kernelState';

/** Recomputes the flags after faults, policies or transit changed. */
export function refreshNet(state: KernelState): void {
  const net = state.net;
  net.watching = net.configured > 0 || state.reliable.pending.size > 0;
  net.active = net.watching || state.chaos.network.length > 0 || net.inTransit > 0;
}
