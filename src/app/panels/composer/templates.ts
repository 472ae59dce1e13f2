/**
 * Composer templates, registered as one list (no import side effects): one per common
 * performative and one per interaction pattern. Each builds a draft for the current
 * receiver and a fresh conversation id, so a template is ready to send.
 */
import type { MessageDraft } from '../../../protocol/message';
import type { Performative } from '../../../protocol/performatives';

export interface TemplateContext {
  /** The receiver to address (the selected agent, else the first one). */
  receiver: string;
  /** Other live agents, for templates that address several. */
  agents: readonly string[];
  /** A fresh conversation id. */
  conversation: string;
}

export interface ComposerTemplate {
  id: string;
  label: string;
  group: 'Performatives' | 'Patterns';
  build(ctx: TemplateContext): MessageDraft;
}

function act(performative: Performative, content: MessageDraft['content'], extra: Partial<MessageDraft> = {}): ComposerTemplate {
  return {
    id: performative,
    label: performative,
    group: 'Performatives',
    build: ({ receiver, conversation }) => ({ performative, receiver, content, conversation_id: conversation, ...extra }),
  };
}

function several(ctx: TemplateContext): string[] {
  const names = ctx.agents.length > 0 ? ctx.agents.slice(0, 3) : [ctx.receiver];
  return names.includes(ctx.receiver) ? names : [ctx.receiver, ...names.slice(0, 2)];
}

export const TEMPLATES: readonly ComposerTemplate[] = [
  act('request', { text: 'hello' }, { reply_with: 'r1' }),
  act('inform', { fact: 'the sky is blue' }),
  act('query-if', { proposition: 'ready' }, { reply_with: 'q1' }),
  act('query-ref', { key: 'widgets' }, { reply_with: 'q1' }),
  act('subscribe', { key: 'news' }, { reply_with: 's1' }),
  act('cancel', { subscription: 's1' }),
  act('cfp', { task: 'deliver parcel', deadline: '1h' }, { reply_with: 'cfp1' }),
  act('propose', { price: 10 }, { in_reply_to: 'cfp1' }),
  act('accept-proposal', { price: 10 }, { in_reply_to: 'cfp1' }),
  act('reject-proposal', { reason: 'too expensive' }, { in_reply_to: 'cfp1' }),
  act('agree', { action: 'deliver parcel' }),
  act('refuse', { reason: 'busy' }),
  act('failure', { reason: 'could not finish' }),
  act('not-understood', { reason: 'unknown action' }),
  {
    id: 'pattern:request-response',
    label: 'Request–response (fipa-request)',
    group: 'Patterns',
    build: ({ receiver, conversation }) => ({
      performative: 'request',
      receiver,
      content: { action: 'compute', args: [6, 7] },
      conversation_id: conversation,
      reply_with: 'req-1',
      protocol: 'fipa-request',
    }),
  },
  {
    id: 'pattern:query',
    label: 'Query (fipa-query)',
    group: 'Patterns',
    build: ({ receiver, conversation }) => ({
      performative: 'query-ref',
      receiver,
      content: { key: 'widgets' },
      conversation_id: conversation,
      reply_with: 'query-1',
      protocol: 'fipa-query',
    }),
  },
  {
    id: 'pattern:subscribe',
    label: 'Subscribe (fipa-subscribe)',
    group: 'Patterns',
    build: ({ receiver, conversation }) => ({
      performative: 'subscribe',
      receiver,
      content: { topic: 'news' },
      conversation_id: conversation,
      reply_with: 'sub-1',
      protocol: 'fipa-subscribe',
    }),
  },
  {
    id: 'pattern:contract-net',
    label: 'Call for proposals (fipa-contract-net)',
    group: 'Patterns',
    build: (ctx) => ({
      performative: 'cfp',
      receiver: several(ctx),
      content: { task: 'deliver parcel', deadline: '1h' },
      conversation_id: ctx.conversation,
      reply_with: 'cfp-1',
      protocol: 'fipa-contract-net',
    }),
  },
  {
    id: 'pattern:propose',
    label: 'Propose (fipa-propose)',
    group: 'Patterns',
    build: ({ receiver, conversation }) => ({
      performative: 'propose',
      receiver,
      content: { offer: 'meet at noon' },
      conversation_id: conversation,
      reply_with: 'prop-1',
      protocol: 'fipa-propose',
    }),
  },
  {
    id: 'pattern:broadcast',
    label: 'Inform everyone (*)',
    group: 'Patterns',
    build: ({ conversation }) => ({
      performative: 'inform',
      receiver: '*',
      content: { notice: 'hello all' },
      conversation_id: conversation,
    }),
  },
  {
    id: 'pattern:publish',
    label: 'Publish to a topic',
    group: 'Patterns',
    build: ({ conversation }) => ({
      performative: 'inform',
      receiver: 'topic:news',
      content: { headline: 'hello' },
      conversation_id: conversation,
    }),
  },
];

export function templateText(template: ComposerTemplate, ctx: TemplateContext): string {
  return JSON.stringify(template.build(ctx), null, 2);
}
