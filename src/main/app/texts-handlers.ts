import type { TextInbox, Waitlist } from '../core/notifications/index.js';
import type { CommandHandlers } from './dispatch.js';

export interface TextsHandlerDeps {
  inbox: TextInbox;
  waitlist: Waitlist;
}

type TextsCommand =
  | 'texts/list-threads'
  | 'texts/get-thread'
  | 'texts/reply'
  | 'texts/mark-read'
  | 'texts/unread-count'
  | 'texts/list-for-booking'
  | 'waitlist/list'
  | 'waitlist/add'
  | 'waitlist/remove';

export function createTextsHandlers(deps: TextsHandlerDeps): Pick<CommandHandlers, TextsCommand> {
  const { inbox, waitlist } = deps;
  return {
    'texts/list-threads': ({ tenantId }) => inbox.threads(tenantId),
    'texts/get-thread': ({ tenantId, phone }) => inbox.thread(tenantId, phone),
    'texts/reply': ({ tenantId, phone, body, staffName }) => inbox.reply(tenantId, phone, body, staffName),
    'texts/mark-read': ({ tenantId, phone }) => inbox.markRead(tenantId, phone),
    'texts/unread-count': ({ tenantId }) => inbox.unread(tenantId),
    'texts/list-for-booking': ({ tenantId, bookingId }) => inbox.forBooking(tenantId, bookingId),
    'waitlist/list': ({ tenantId }) => waitlist.list(tenantId),
    'waitlist/add': ({ staffName, ...request }) => waitlist.add({ ...request, actor: staffName }),
    'waitlist/remove': ({ tenantId, entryId }) => waitlist.remove(tenantId, entryId),
  };
}
