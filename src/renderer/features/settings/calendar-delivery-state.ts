import type { CalendarDeliveryDto } from '../../../shared/contract/index.js';
import { formatTime } from '../../components/wall-clock.js';

/** One sentence for where a delivery stands: waiting, retrying (and why), or given up. */
export function deliveryState(d: CalendarDeliveryDto): { tone: 'neutral' | 'warn' | 'bad'; label: string; detail: string | null } {
  if (d.status === 'failed') return { tone: 'bad', label: 'Not delivered', detail: d.lastError ? `${d.lastError} Change or re-book the appointment to try again.` : null };
  if (d.attempts === 0 || !d.lastError) return { tone: 'neutral', label: 'Sending', detail: null };
  return { tone: 'warn', label: `Retrying at ${d.nextAttemptAt ? formatTime(d.nextAttemptAt) : 'once possible'}`, detail: d.lastError };
}
