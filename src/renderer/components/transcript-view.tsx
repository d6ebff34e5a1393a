import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { TranscriptTurnDto } from '../../shared/contract/calls.js';

/** Close enough to the bottom to count as "following along". */
const STICK_PX = 48;

export interface TranscriptViewProps {
  turns: readonly TranscriptTurnDto[];
  /** What to call the caller: their name when known. */
  callerLabel?: string;
  /** The accessible name of the log ("Transcript of the call with Ann Lee"). */
  label: string;
  /** Shown in place of turns while there are none. */
  empty?: ReactNode;
  /** Formats a turn's time for display. */
  formatTime?: (iso: string) => string;
}

const SPEAKER_LABELS: Record<TranscriptTurnDto['speaker'], string> = {
  caller: 'Caller',
  receptionist: 'Receptionist',
  staff: 'Staff',
};

/**
 * A call's transcript as a chat: the caller on the left, the receptionist and staff on the right
 * in their own colors. New turns scroll into view only while the reader is at the bottom, so
 * reading back is never yanked away. Caller turns the speech recognizer was unsure of are
 * underlined and labelled with their confidence.
 */
export function TranscriptView({ turns, callerLabel, label, empty, formatTime }: TranscriptViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stuck.current) element.scrollTop = element.scrollHeight;
  }, [turns]);

  return (
    <div
      ref={scroller}
      className="live-transcript"
      role="log"
      aria-label={label}
      // The log scrolls on its own: keyboard users need to reach it to scroll.
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_PX;
      }}
    >
      {turns.length === 0 ? (
        <div className="lt-empty">{empty ?? 'Nothing said yet.'}</div>
      ) : (
        <ol className="lt-turns">
          {turns.map((turn, index) => {
            const previous = index > 0 ? turns[index - 1] : undefined;
            const speakerName = turn.speaker === 'caller' ? (callerLabel ?? SPEAKER_LABELS.caller) : SPEAKER_LABELS[turn.speaker];
            const continues = previous?.speaker === turn.speaker;
            return (
              <li key={turn.id} className={`lt-turn lt-${turn.speaker}${continues ? ' lt-continues' : ''}`} data-turn-id={turn.id}>
                <div className="lt-meta" aria-hidden={continues || undefined}>
                  <span className="lt-speaker">{speakerName}</span>
                  {formatTime ? <span className="lt-time">{formatTime(turn.at)}</span> : null}
                </div>
                {continues ? <span className="visually-hidden">{speakerName}: </span> : null}
                <p className={`lt-text${turn.lowConfidence ? ' lt-unsure' : ''}${turn.interrupted ? ' lt-interrupted' : ''}`}>
                  {turn.text}
                  {turn.interrupted ? <span aria-hidden="true">…</span> : null}
                </p>
                {turn.lowConfidence ? <LowConfidenceNote confidence={turn.confidence} /> : null}
                {turn.interrupted ? (
                  <span className="lt-flag lt-flag-interrupted" title="The caller cut in here: this is the part they heard.">
                    Interrupted by the caller
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function LowConfidenceNote({ confidence }: { confidence: number | null }) {
  const percent = confidence === null ? null : `${Math.round(confidence * 100)}%`;
  return (
    <span className="lt-flag" title="The speech recognizer was not sure it heard this right.">
      <span aria-hidden="true" className="lt-flag-icon">
        ?
      </span>
      Low confidence{percent ? ` · ${percent}` : ''}
    </span>
  );
}
