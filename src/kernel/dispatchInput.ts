/** One input to the module that handles it: host events (the data path) first, then ticks, messages and commands. */
import { errorData, type OrreryErrorData } from '../protocol/errors';
import { describeValue } from '../protocol/describe';
import { clear as clearChaos, inject as injectChaos } from './chaos/inject';
import { configureAgent, configureGroup } from './commands/configure';
import { createGroup } from './commands/groups';
import { consoleSend } from './commands/inputs';
import * as lifecycle from './commands/lifecycle';
import { configureLink } from './commands/linkPolicy';
import { onHostEvent } from './host/hostEvents';
import { onTick } from './jobs';
import type { KernelState } from './state/kernelState';
import type { KernelInput } from './types';

export function dispatchInput(state: KernelState, input: KernelInput): OrreryErrorData | undefined {
  if (typeof input !== 'object' || input === null || typeof (input as { type?: unknown }).type !== 'string') {
    return errorData('ORR017', `expected a command, host event or tick, got ${describeValue(input)}`, {
      expected: 'an object with a "type"',
      received: describeValue(input),
    });
  }
  switch (input.type) {
    // Host events first: they are the data path.
    case 'agent.sent':
    case 'agent.handled':
    case 'agent.ready':
    case 'agent.init-failed':
    case 'agent.crashed':
    case 'kv.set':
    case 'agent.log':
    case 'agent.timer':
      return onHostEvent(state, input);
    case 'tick':
      onTick(state);
      return undefined;
    case 'message.send':
      return consoleSend(state, input.message, input.from);
    case 'agent.deploy':
      return lifecycle.deploy(state, input.spec);
    case 'agent.stop':
      return lifecycle.stop(state, input.name);
    case 'agent.start':
      return lifecycle.start(state, input.name);
    case 'agent.restart':
      return lifecycle.restart(state, input.name);
    case 'agent.suspend':
      return lifecycle.suspend(state, input.name);
    case 'agent.resume':
      return lifecycle.resume(state, input.name);
    case 'topic.create':
      return lifecycle.addNode(state, 'topic', input.name);
    case 'client.create':
      return lifecycle.addNode(state, 'client', input.name);
    case 'node.remove':
      return lifecycle.removeNode(state, input.name);
    case 'link.add':
      return lifecycle.addLink(state, input.a, input.b, input.id);
    case 'link.remove':
      return lifecycle.removeLink(state, input.id);
    case 'link.configure':
      return configureLink(state, input.id, input.policy);
    case 'group.create':
      return createGroup(state, input.spec);
    case 'agent.configure':
      return configureAgent(state, input as unknown as Record<string, unknown>);
    case 'group.configure':
      return configureGroup(state, input as unknown as Record<string, unknown>);
    case 'chaos.inject':
      return injectChaos(state, input.fault);
    case 'chaos.clear':
      return clearChaos(state, input.id);
    default: {
      const type: unknown = (input as { type: unknown }).type;
      return errorData('ORR017', `unknown input type ${describeValue(type)}`, {
        expected: 'a command, host event or tick',
        received: describeValue(type),
      });
    }
  }
}
