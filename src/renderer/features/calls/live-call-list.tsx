import type { CallSummaryDto, TranscriptTurnDto } from '../../../shared/contract/calls.js';
import { StatusPill } from '../../components/status-pill.js';
import { useNow } from '../../components/use-now.js';
import { callDurationMs, callerLabel, callerNumber, callState, formatDuration, spokenDuration } from './call-format.js';
import { callHref } from './use-hash-sub-path.js';

export interface LiveCallListProps {
  calls: readonly CallSummaryDto[];
  lastTurns?: Readonly<Record<string, TranscriptTurnDto>>;
  clockOffsetMs: number;
  selectedId?: string | null;
  /** Shows the latest thing said on each call (the overview's glimpse). */
  showLastLine?: boolean;
  label: string;
}

/** Calls on the board: who, from where, for which practice, how long, what they want, who has it. */
export function LiveCallList({ calls, lastTurns, clockOffsetMs, selectedId, showLastLine, label }: LiveCallListProps) {
  const now = useNow(1_000, calls.some((c) => c.active)) + clockOffsetMs;
  return (
    <ul className="call-list live-call-list" aria-label={label}>
      {calls.map((call) => {
        const state = callState(call);
        const number = callerNumber(call);
        const duration = callDurationMs(call, now);
        const last = showLastLine ? lastTurns?.[call.id] : undefined;
        return (
          <li key={call.id} className="call-item" data-active={call.active || undefined}>
            <a className="call-row" href={callHref(call.id)} aria-current={call.id === selectedId ? 'true' : undefined}>
              <span className="call-row-top">
                <span className="call-caller">{callerLabel(call)}</span>
                <span className="call-duration" title={spokenDuration(duration)}>
                  <span className="visually-hidden">Duration </span>
                  {formatDuration(duration)}
                </span>
              </span>
              <span className="call-row-sub">
                {number ? <span className="phone">{number}</span> : null}
                <span className="call-practice">{call.tenantName}</span>
              </span>
              <span className="call-row-bottom">
                <span className={`call-summary${call.summary ? '' : ' muted'}`}>{call.summary ?? 'Not known yet'}</span>
                <StatusPill tone={state.tone}>{state.label}</StatusPill>
              </span>
              {last ? (
                <span className="call-last-line">
                  <span className="call-last-speaker">{last.speaker === 'caller' ? 'Caller' : last.speaker === 'staff' ? 'Staff' : 'Receptionist'}:</span> {last.text}
                </span>
              ) : null}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
