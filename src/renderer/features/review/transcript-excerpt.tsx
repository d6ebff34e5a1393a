import { useId } from 'react';
import type { TranscriptTurnDto } from '../../../shared/contract/calls.js';
import { formatTime } from '../../components/wall-clock.js';

const SPEAKERS: Record<TranscriptTurnDto['speaker'], string> = { caller: 'Caller', receptionist: 'Receptionist', staff: 'Staff' };

/** The caller's last turns before the booking, so staff can judge what was actually asked for. */
export function TranscriptExcerpt({ turns }: { turns: readonly TranscriptTurnDto[] }) {
  const headingId = useId();
  return (
    <section className="review-transcript" aria-labelledby={headingId}>
      <h3 id={headingId} className="review-label">
        From the call
      </h3>
      {turns.length === 0 ? (
        <p className="muted">No transcript for this booking.</p>
      ) : (
        // Scrolls when long, so it must be reachable by keyboard too.
        <ol className="transcript" tabIndex={0} aria-labelledby={headingId}>
          {turns.map((turn) => (
            <li key={turn.id} className={`turn turn-${turn.speaker}${turn.lowConfidence ? ' turn-unclear' : ''}`}>
              <span className="turn-speaker">
                {SPEAKERS[turn.speaker]}
                <span className="turn-time"> {formatTime(turn.at)}</span>
              </span>
              <span className="turn-text">{turn.text}</span>
              {turn.lowConfidence ? (
                <span className="turn-flag">
                  Hard to hear{turn.confidence !== null ? ` (${Math.round(turn.confidence * 100)}% sure)` : ''}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
