import type { TextMessageDto } from '../../../shared/contract/texts.js';
import type { Tone } from '../../components/status-pill.js';

/** What staff need to know about an outgoing text: did it reach the phone? */
export function deliveryLabel(message: Pick<TextMessageDto, 'direction' | 'status' | 'deliveryStatus' | 'lastError'>): { tone: Tone; label: string } | null {
  if (message.direction === 'in') return null;
  if (message.status === 'failed') return { tone: 'bad', label: message.lastError?.includes('STOP') ? 'Not sent (STOP)' : 'Not sent' };
  if (message.status === 'pending') return { tone: 'neutral', label: message.lastError ? 'Retrying' : 'Sending' };
  switch (message.deliveryStatus) {
    case 'delivered':
    case 'read':
      return { tone: 'ok', label: 'Delivered' };
    case 'undelivered':
      return { tone: 'bad', label: 'Undelivered' };
    case 'failed':
      return { tone: 'bad', label: 'Failed' };
    default:
      return { tone: 'info', label: 'Sent' };
  }
}

const PURPOSES: Record<string, string> = {
  confirmation: 'Confirmation',
  moved: 'Moved',
  cancelled: 'Cancelled',
  review: 'Review decision',
  reminder: 'Reminder',
  reply: 'Auto-reply',
  offer: 'Offer',
  waitlist: 'Waitlist',
  'missed-call': 'Missed call',
  help: 'Help',
  'staff-reply': 'Staff',
  notice: 'Notice',
};

export function purposeLabel(purpose: string): string {
  return PURPOSES[purpose] ?? purpose;
}
