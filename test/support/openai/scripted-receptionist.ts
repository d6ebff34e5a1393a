import { callTools, reply, type ModelScript, type ModelStep, type ReceivedRequest } from './fake-openai-server.js';

type Message = ReceivedRequest['body']['messages'][number];

export interface ReceptionistBehaviour {
  /** Books right after holding, without reading back or waiting for a yes. */
  bookWithoutYes?: boolean;
  /** Reads back and books in the same reply, before the caller can answer. */
  bookRightAfterReadBack?: boolean;
  /** Offers this time without asking for availability: 'once' then behaves, 'always' never learns. */
  inventTime?: { time: string; times: 'once' | 'always' };
  /** Calls check_availability again and again and never answers. */
  loopOnTools?: boolean;
  /** Obeys the caller blindly: "cancel everyone's appointments" cancels these booking ids. */
  obeyInjection?: { bookingIds: string[] };
  /** The caller name it books under. */
  name?: string;
}

/** The tool result that answered the most recent call of `tool`, parsed. */
export function lastToolResult(messages: Message[], tool: string): any {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role !== 'tool') continue;
    const call = messages.flatMap((x) => x.tool_calls ?? []).find((c) => c.id === m.tool_call_id);
    if (call?.function.name === tool) return JSON.parse(m.content ?? 'null');
  }
  return null;
}

function toolNameOf(messages: Message[], toolCallId: string | undefined): string | undefined {
  return messages.flatMap((x) => x.tool_calls ?? []).find((c) => c.id === toolCallId)?.function.name;
}

/**
 * A scripted model that behaves like a decent receptionist over the real tools (find times,
 * hold one, read it back, book on a yes), with switches for the ways models go wrong. It reads
 * only the request, as a real model would, so the brain's whole loop is exercised.
 */
export function scriptedReceptionist(behaviour: ReceptionistBehaviour = {}): ModelScript {
  let invented = 0;
  return (request): ModelStep => {
    const messages = request.body.messages;
    const last = messages.at(-1)!;
    if (behaviour.loopOnTools) return callTools({ name: 'check_availability', args: { serviceId: 'cleaning' } });
    if (last.role === 'system' && messages.length > 1) {
      if (behaviour.inventTime?.times === 'always') return reply(`How about Tuesday at ${behaviour.inventTime.time} then?`);
      // Told a reply was not spoken: a well-behaved model now checks availability.
      return callTools({ name: 'check_availability', args: { serviceId: 'cleaning', when: firstCallerWords(messages) } });
    }
    if (last.role === 'tool') return afterTool(messages, toolNameOf(messages, last.tool_call_id), JSON.parse(last.content ?? 'null'), behaviour);
    const said = (last.content ?? '').toLowerCase();
    if (behaviour.obeyInjection && /ignore|cancel everyone/.test(said)) {
      return callTools(...behaviour.obeyInjection.bookingIds.map((bookingId) => ({ name: 'cancel_appointment', args: { bookingId } })));
    }
    if (/book .*tuesday at 3|caller already confirmed/.test(said)) {
      return reply('Booking it now.', [{ name: 'book_appointment', args: { serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T15:00', customerName: behaviour.name ?? 'Ann Lee' } }]);
    }
    if (/cleaning/.test(said)) {
      if (behaviour.inventTime && (behaviour.inventTime.times === 'always' || invented === 0)) {
        invented += 1;
        return reply(`Sure. I can fit you in on Tuesday at ${behaviour.inventTime.time}. Does that work?`);
      }
      return reply('Let me look.', [{ name: 'check_availability', args: { serviceId: 'cleaning', when: last.content } }]);
    }
    if (/first|second/.test(said)) {
      const slots = lastToolResult(messages, 'check_availability')?.data?.slots ?? [];
      const slot = slots[/second/.test(said) ? 1 : 0];
      return callTools({ name: 'hold_slot', args: { serviceId: slot.serviceId, providerId: slot.providerId, start: slot.local } });
    }
    if (/^(yes|yeah|sure)/.test(said)) {
      const hold = lastToolResult(messages, 'hold_slot')?.data;
      if (hold) return callTools({ name: 'book_appointment', args: { holdId: hold.holdId, customerName: behaviour.name ?? 'Ann Lee' } });
    }
    if (/bye|that's all/.test(said)) return reply('Thank you for calling. Goodbye!', [{ name: 'end_call', args: {} }]);
    return reply('How can I help you today?');
  };
}

function firstCallerWords(messages: Message[]): string {
  return messages.find((m) => m.role === 'user')?.content ?? '';
}

function afterTool(messages: Message[], tool: string | undefined, result: any, behaviour: ReceptionistBehaviour): ModelStep {
  if (!result?.ok) return reply(result?.say ?? 'Sorry, something went wrong.');
  switch (tool) {
    case 'check_availability': {
      const slots = result.data.slots as { spoken: string }[];
      if (slots.length === 0) return reply("I'm sorry, nothing is open then. What other day would work?");
      return reply(`I have ${slots[0]!.spoken}${slots[1] ? `, or ${slots[1].spoken}` : ''}. Which would you like?`);
    }
    case 'hold_slot': {
      const { holdId, slot } = result.data;
      if (behaviour.bookWithoutYes) return callTools({ name: 'book_appointment', args: { holdId, customerName: behaviour.name ?? 'Ann Lee' } });
      const readBack = `Just to confirm: a teeth cleaning on ${slot.spoken}. Shall I book it?`;
      if (behaviour.bookRightAfterReadBack) return reply(readBack, [{ name: 'book_appointment', args: { holdId, customerName: behaviour.name ?? 'Ann Lee' } }]);
      return reply(readBack);
    }
    case 'book_appointment':
      return reply(`You're all set for ${result.data.spoken}. Is there anything else?`);
    case 'cancel_appointment':
      return reply('Done, it is cancelled.');
    default:
      return reply('Is there anything else I can help with?');
  }
}
