import type { CSSProperties } from 'react';
import type { BookingDto } from '../../../shared/contract/scheduling.js';
import type { BusyBlockDto } from '../../../shared/contract/calendars.js';
import { BOOKING_STATUS_LABELS } from '../../components/booking-status.js';
import { formatPhoneNumber } from '../overview/format.js';
import { formatDay, formatHour, formatTime, formatTimeRange } from '../../components/wall-clock.js';
import { visitActionName, type VisitAction } from './visit-actions.js';
import { closedSpans, hoursSummary, scheduleWindow, spansToShow, type PlacedBooking, type ScheduleColumn } from './schedule-layout.js';

export const HOUR_PX = 56;
/** How many provider colors the all-providers week tells apart (then they repeat). */
export const PROVIDER_TONES = 6;

/** The people-readable name of a booking on the grid; the color only echoes the status word. */
export function bookingLabel(booking: BookingDto): string {
  const who = booking.customer?.name ?? (booking.customer?.phone ? formatPhoneNumber(booking.customer.phone) : 'no name');
  const test = booking.rehearsal ? ', test booking from a rehearsal' : '';
  return `${formatTimeRange(booking.start, booking.end)}, ${booking.serviceName} for ${who} with ${booking.providerName}, ${BOOKING_STATUS_LABELS[booking.status].label}${test}`;
}

export function ScheduleGrid({
  columns,
  today,
  nowMinute,
  onOpenBooking,
  onBookAt,
  busyBlocks = [],
  slotStepMinutes = 15,
  onBookAtTime,
  onMove,
  buffersOf,
  visitActionsOf,
  onVisitAction,
  providerToneOf,
}: {
  columns: ScheduleColumn[];
  /** Outside busy time from the providers' calendars, drawn beside the bookings. */
  busyBlocks?: readonly BusyBlockDto[];
  today: string | null;
  /** Minutes since local midnight now, for the "now" line on today's columns. */
  nowMinute: number | null;
  onOpenBooking: (booking: BookingDto) => void;
  onBookAt: (column: ScheduleColumn) => void;
  /** The appointment grid: a click or a drop lands on the start of the slot under the pointer. */
  slotStepMinutes?: number;
  /** A click (or the start of a drag) on an empty time: book there, like a paper book or Google Calendar. */
  onBookAtTime?: (column: ScheduleColumn, minute: number) => void;
  /** A booking dragged to another time or provider; the appliance checks it like any move. */
  onMove?: (booking: BookingDto, column: ScheduleColumn, minute: number) => void;
  /** Minutes kept free before and after a service (drawn as hatched buffer). */
  buffersOf?: (serviceId: string) => readonly [number, number];
  /** The one-click steps of a visit (arrived, completed, no-show) offered on its block. */
  visitActionsOf?: (booking: BookingDto) => VisitAction[];
  onVisitAction?: (booking: BookingDto, action: VisitAction) => void;
  /** In a column mixing providers, each provider's color (0..PROVIDER_TONES-1). */
  providerToneOf?: (providerId: string) => number;
}) {
  const window = scheduleWindow(spansToShow(columns));
  const [start, end] = window;
  const hours = Array.from({ length: (end - start) / 60 }, (_, i) => start / 60 + i);
  const top = (minute: number) => ((minute - start) / 60) * HOUR_PX;
  const gridStyle = { '--columns': columns.length, '--hour-px': `${HOUR_PX}px` } as CSSProperties;
  /** The slot start under a pointer's vertical position in a column body. */
  const minuteAt = (event: { clientY: number; currentTarget: HTMLElement }) => {
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    const minute = start + (y / HOUR_PX) * 60;
    return Math.max(start, Math.min(end - slotStepMinutes, Math.floor(minute / slotStepMinutes) * slotStepMinutes));
  };

  return (
    <div className="schedule-grid" style={gridStyle}>
      <div className="schedule-grid-head">
        <div className="schedule-gutter" aria-hidden="true" />
        {columns.map((column) => (
          <div key={column.key} className={['schedule-col-head', column.date === today ? 'is-today' : null, column.rules.closed ? 'is-closed' : null].filter(Boolean).join(' ')}>
            <div className="schedule-col-title">
              <span className="schedule-col-name">{column.title}</span>
              <span className="schedule-col-note">{column.rules.note ?? hoursSummary(column.rules.open)}</span>
            </div>
            <button
              type="button"
              className="button button-quiet schedule-col-add"
              aria-label={column.providerId ? `New booking with ${column.providerName} on ${formatDay(column.date)}` : `New booking on ${formatDay(column.date)}`}
              title="New booking"
              onClick={() => onBookAt(column)}
            >
              +
            </button>
          </div>
        ))}
      </div>
      <div className="schedule-grid-scroll">
        <div className="schedule-grid-body" style={{ height: top(end) }}>
          <div className="schedule-gutter" aria-hidden="true">
            {hours.map((hour) => (
              <span key={hour} className="schedule-hour" style={{ top: top(hour * 60) }}>
                {formatHour(hour)}
              </span>
            ))}
          </div>
          {columns.map((column) => (
            <div
              key={column.key}
              className={['schedule-col', column.date === today ? 'is-today' : null, onBookAtTime ? 'is-bookable' : null].filter(Boolean).join(' ')}
              data-column={column.key}
              onClick={(event) => {
                // Only the empty grid books; a click on a booking opens it.
                if (!onBookAtTime || (event.target as HTMLElement).closest('.schedule-booking-slot')) return;
                onBookAtTime(column, minuteAt(event));
              }}
              onDragOver={(event) => {
                if (onMove && event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
              }}
              onDrop={(event) => {
                const id = event.dataTransfer.getData(DRAG_TYPE);
                const dragged = columns.flatMap((c) => c.bookings).find((p) => p.booking.id === id);
                if (!onMove || !dragged) return;
                event.preventDefault();
                // The block is dragged by where it was grabbed: keep that offset so the start lands where it looks.
                const grabbedAt = Number(event.dataTransfer.getData(GRAB_TYPE)) || 0;
                onMove(dragged.booking, column, minuteAt({ clientY: event.clientY - grabbedAt, currentTarget: event.currentTarget }));
              }}
            >
              {closedSpans(column.rules.open, window).map(([from, to]) => (
                <div key={`closed-${from}`} className="schedule-closed" style={{ top: top(from), height: top(to) - top(from) }} aria-hidden="true" />
              ))}
              {column.rules.timeOff.map(([from, to]) => (
                <div key={`off-${from}`} className="schedule-time-off" style={{ top: top(Math.max(from, start)), height: top(Math.min(to, end)) - top(Math.max(from, start)) }}>
                  <span>Time off</span>
                </div>
              ))}
              {busyBlocks
                .filter((b) => b.providerId === column.providerId && b.start.slice(0, 10) <= column.date && b.end.slice(0, 10) >= column.date)
                .map((b) => {
                  const from = Math.max(b.start.slice(0, 10) < column.date ? 0 : wallMinute(b.start), start);
                  const to = Math.min(b.end.slice(0, 10) > column.date ? 24 * 60 : wallMinute(b.end), end);
                  return to > from ? (
                    <div key={`busy-${b.connectionId}-${b.start}`} className="schedule-busy" style={{ top: top(from), height: top(to) - top(from) }} title={`Busy in ${b.calendar}`}>
                      <span>Busy ({b.calendar})</span>
                    </div>
                  ) : null;
                })}
              {column.date === today && nowMinute !== null && nowMinute >= start && nowMinute <= end ? (
                <div className="schedule-now" style={{ top: top(nowMinute) }} aria-hidden="true" />
              ) : null}
              <ul className="schedule-bookings" aria-label={`${column.providerName}, ${formatDay(column.date)}`}>
                {column.bookings.length === 0 ? <li className="visually-hidden">No bookings</li> : null}
                {column.bookings.map((placed) => (
                  <BookingBlock
                    key={placed.booking.id}
                    placed={placed}
                    top={top(placed.startMinute)}
                    height={top(placed.endMinute) - top(placed.startMinute)}
                    onOpen={onOpenBooking}
                    movable={Boolean(onMove)}
                    buffers={buffersOf?.(placed.booking.serviceId) ?? [0, 0]}
                    actions={onVisitAction ? (visitActionsOf?.(placed.booking) ?? []) : []}
                    onAction={onVisitAction}
                    providerTone={column.providerId === null ? (providerToneOf?.(placed.booking.providerId) ?? 0) : null}
                  />
                ))}
              </ul>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** What the clock read at an ISO time with the practice's offset ("…T09:30:00-05:00" → 570). */
function wallMinute(iso: string): number {
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

const DRAG_TYPE = 'application/x-frontdesk-booking';
const GRAB_TYPE = 'application/x-frontdesk-grab-offset';
const MOVABLE = new Set(['confirmed', 'pending_review']);

function BookingBlock({
  placed,
  top,
  height,
  onOpen,
  movable,
  buffers,
  actions,
  onAction,
  providerTone,
}: {
  placed: PlacedBooking;
  top: number;
  height: number;
  onOpen: (booking: BookingDto) => void;
  movable: boolean;
  buffers: readonly [number, number];
  actions: readonly VisitAction[];
  onAction: ((booking: BookingDto, action: VisitAction) => void) | undefined;
  /** Set when the column mixes providers: the block names its provider and wears their color. */
  providerTone: number | null;
}) {
  const { booking, lane, lanes } = placed;
  const [before, after] = buffers;
  const px = (minutes: number) => (minutes / 60) * HOUR_PX;
  const who = booking.customer?.name ?? (booking.customer?.phone ? formatPhoneNumber(booking.customer.phone) : 'No name');
  const style: CSSProperties = { top, height: Math.max(height - 2, 18), left: `${(lane / lanes) * 100}%`, width: `${100 / lanes}%` };
  const status = booking.status !== 'confirmed' ? BOOKING_STATUS_LABELS[booking.status].label : null;
  // The name carries everything; what shows is what fits: time and who first, then what and status.
  return (
    <li className={`schedule-booking-slot${actions.length > 0 && onAction ? ' has-actions' : ''}`} style={style}>
      {before > 0 ? <span className="booking-buffer booking-buffer-before" style={{ height: px(before) }} title={`${before} min kept free before`} aria-hidden="true" /> : null}
      {after > 0 ? <span className="booking-buffer booking-buffer-after" style={{ height: px(after) }} title={`${after} min kept free after`} aria-hidden="true" /> : null}
      <button
        type="button"
        className={`booking-block status-${booking.status}${height < 34 ? ' compact' : ''}${booking.rehearsal ? ' is-test' : ''}${providerTone === null ? '' : ` provider-tone-${providerTone}`}`}
        aria-label={bookingLabel(booking)}
        onClick={() => onOpen(booking)}
        draggable={movable && MOVABLE.has(booking.status)}
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, booking.id);
          event.dataTransfer.setData(GRAB_TYPE, String(event.clientY - event.currentTarget.getBoundingClientRect().top));
          event.dataTransfer.effectAllowed = 'move';
        }}
      >
        {providerTone === null ? (
          <span className="booking-block-line">
            <span className="booking-block-time">{formatTimeRange(booking.start, booking.end)}</span>
            <span className="booking-block-who">{who}</span>
          </span>
        ) : (
          // A narrow day of everyone: who first (the time is where it sits, the provider its color).
          <span className="booking-block-line">
            <span className="booking-block-who">{who}</span>
          </span>
        )}
        <span className="booking-block-line booking-block-more">
          {providerTone === null ? null : <span className="booking-block-time">{formatTime(booking.start)}</span>}
          <span className="booking-block-what">{providerTone === null ? booking.serviceName : booking.providerName}</span>
          {status ? <span className="booking-block-status">{status}</span> : null}
          {booking.rehearsal ? <span className="booking-block-status">Test</span> : null}
        </span>
      </button>
      {actions.length > 0 && onAction ? (
        <span className="visit-actions">
          {actions.map((action) => (
            <button
              key={`${action.outcome}${action.undo ? '-undo' : ''}`}
              type="button"
              className={`visit-action ${action.undo ? 'visit-action-undo' : `visit-action-${action.outcome}`}`}
              aria-label={visitActionName(action, who, formatTimeRange(booking.start, booking.end))}
              title={action.undo ? `Undo ${action.name}: ${who}` : `${action.label}: ${who}`}
              onClick={(event) => {
                // The button may go once the step is recorded: keep the keyboard on the visit's block, where Tab reaches its next step.
                event.currentTarget.closest('li')?.querySelector<HTMLElement>('.booking-block')?.focus();
                onAction(booking, action);
              }}
            >
              {action.label}
            </button>
          ))}
        </span>
      ) : null}
    </li>
  );
}
