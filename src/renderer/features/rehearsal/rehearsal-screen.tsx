import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { TranscriptTurnDto } from '../../../shared/contract/calls.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill, type Tone } from '../../components/status-pill.js';
import { TranscriptView } from '../../components/transcript-view.js';
import { callHref } from '../calls/use-hash-sub-path.js';
import { formatPhoneNumber } from '../overview/format.js';
import { rehearsalStoreFor, type RehearsalPhase, type RehearsalState } from './rehearsal-store.js';

const PHASES: Record<RehearsalPhase, { tone: Tone; label: string }> = {
  idle: { tone: 'neutral', label: 'Not started' },
  starting: { tone: 'neutral', label: 'Calling…' },
  listening: { tone: 'ok', label: 'On the call' },
  replying: { tone: 'ok', label: 'On the call' },
  transferred: { tone: 'info', label: 'Transferred' },
  ended: { tone: 'neutral', label: 'Call ended' },
};

const TRY_LINES = [
  "I'd like a dental exam tomorrow at 10 am",
  'What are your hours?',
  'Do you take Delta Dental insurance?',
  'I need to move my appointment',
  'Can I leave a message?',
  'Can I talk to a person?',
];

/**
 * A practice call: the owner types as a caller and reads the receptionist's replies, through the
 * same path a phone call takes, so what it does here is what it does on the phone.
 */
export function RehearsalScreen() {
  const client = useConsoleClient();
  const current = useCurrentTenant();
  const store = useMemo(() => rehearsalStoreFor(client), [client]);
  const state = useStore(store);
  const practice = current.tenants.find((t) => t.id === state.tenantId) ?? current.tenant;
  // The line being typed lives here so a suggestion can fill it in.
  const [line, setLine] = useState('');
  const onCall = state.phase === 'listening' || state.phase === 'replying';

  return (
    <div className="screen rehearsal-screen">
      <h1 className="screen-title">Rehearsal</h1>
      <div className="rehearsal-layout">
        <Panel
          title={practice ? `Rehearsal call to ${practice.name}` : 'Rehearsal call'}
          className="rehearsal-panel"
          actions={
            state.phase !== 'idle' ? (
              <>
                <StatusPill tone={PHASES[state.phase].tone}>{PHASES[state.phase].label}</StatusPill>
                {state.callId ? (
                  <a className="small" href={callHref(state.callId)}>
                    See it on the Calls screen
                  </a>
                ) : null}
              </>
            ) : null
          }
        >
          {current.error && !current.tenant ? (
            <InlineError message={`Couldn't load the practices: ${current.error}`} />
          ) : !current.tenant ? (
            current.loading ? (
              <p className="loading">Loading practices…</p>
            ) : (
              <EmptyState title="No practices yet">Add a practice before rehearsing a call.</EmptyState>
            )
          ) : (
            <RehearsalChat state={state} tenantId={current.tenant.id} practiceName={current.tenant.name} line={line} setLine={setLine} />
          )}
        </Panel>
        <Panel title="Things to try" className="rehearsal-tips">
          <p className="muted small">Type as a caller would speak. Everything runs for real: bookings are made, messages taken, and the call is on record like any other.</p>
          <ul className="tip-list" aria-label="Suggested lines">
            {TRY_LINES.map((tip) => (
              <li key={tip}>
                <button
                  type="button"
                  className="tip"
                  disabled={!onCall}
                  title={onCall ? 'Put this line in the box' : 'Start a rehearsal call first'}
                  onClick={() => {
                    setLine(tip);
                    document.getElementById(SAY_INPUT_ID)?.focus();
                  }}
                >
                  “{tip}”
                </button>
              </li>
            ))}
          </ul>
          <p className="muted small">To book, answer its questions as a caller would: your name, then “yes” to confirm.</p>
        </Panel>
      </div>
    </div>
  );
}

const SAY_INPUT_ID = 'rehearsal-say';

function RehearsalChat({
  state,
  tenantId,
  practiceName,
  line,
  setLine,
}: {
  state: RehearsalState;
  tenantId: string;
  practiceName: string;
  line: string;
  setLine: (update: string | ((previous: string) => string)) => void;
}) {
  const inputId = SAY_INPUT_ID;
  const input = useRef<HTMLInputElement>(null);
  const startOverButton = useRef<HTMLButtonElement>(null);
  const onCall = state.phase === 'listening' || state.phase === 'replying';
  const over = state.phase === 'ended' || state.phase === 'transferred';

  // Typing follows the call: into the box when it answers, to "Start over" when it is over,
  // unless the person has moved on to something else on the page.
  useEffect(() => {
    const focused = document.activeElement;
    const free = !focused || focused === document.body || Boolean(focused.closest('.rehearsal-chat'));
    if (!free) return;
    if (state.phase === 'listening') input.current?.focus();
    if (state.phase === 'ended' || state.phase === 'transferred') startOverButton.current?.focus();
  }, [state.phase]);

  const turns = useMemo<TranscriptTurnDto[]>(
    () =>
      state.lines.map((l) => ({
        id: l.id,
        at: '',
        speaker: l.speaker === 'you' ? 'caller' : 'receptionist',
        text: l.text,
        confidence: null,
        lowConfidence: false,
      })),
    [state.lines],
  );

  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = line.trim();
    if (!text || state.phase !== 'listening') return;
    setLine('');
    void state.say(text).then((ok) => {
      // Not heard: give the line back to edit or resend.
      if (!ok) setLine((typed) => typed || text);
    });
  };

  if (state.phase === 'idle') {
    return (
      <div className="rehearsal-start">
        <EmptyState icon={<ChatIcon />} title="Practice a call">
          Call {practiceName} as a caller would and read what the receptionist answers. It shows on the live board like a real call.
        </EmptyState>
        {state.error ? <InlineError message={`Couldn't start the rehearsal: ${state.error}`} /> : null}
        <button type="button" className="button button-primary button-large" onClick={() => void state.start(tenantId)}>
          Start a rehearsal call
        </button>
      </div>
    );
  }

  return (
    <div className="rehearsal-chat">
      <TranscriptView
        turns={turns}
        callerLabel="You"
        label="Rehearsal conversation"
        empty={state.phase === 'starting' ? `Calling ${practiceName}…` : 'Nothing said yet.'}
      />
      <div className="rehearsal-status" role="status">
        {state.phase === 'replying' ? <span className="typing">The receptionist is answering…</span> : null}
        {state.phase === 'ended' ? <span>The call has ended.</span> : null}
        {state.phase === 'transferred' ? (
          <span>
            The receptionist transferred the call{state.transferTo ? ` to ${formatPhoneNumber(state.transferTo)}` : ''}. On a real call, the desk phone would ring now.
          </span>
        ) : null}
      </div>
      {state.error && state.phase !== 'starting' ? (
        <p className="input-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <form className="say-form" onSubmit={send}>
        <label htmlFor={inputId} className="visually-hidden">
          Say as the caller
        </label>
        <input
          ref={input}
          id={inputId}
          className="text-input say-input"
          type="text"
          value={line}
          maxLength={500}
          placeholder={over ? 'The call is over' : 'Type what the caller says, then press Enter'}
          autoComplete="off"
          disabled={!onCall}
          readOnly={state.phase === 'replying'}
          onChange={(event) => setLine(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={state.phase !== 'listening' || !line.trim()}>
          Send
        </button>
      </form>
      <div className="rehearsal-actions">
        {onCall ? (
          <button type="button" className="button" onClick={() => void state.hangUp()}>
            Hang up
          </button>
        ) : null}
        <button ref={startOverButton} type="button" className="button" disabled={state.phase === 'starting'} onClick={() => void state.startOver(tenantId)}>
          Start over
        </button>
      </div>
    </div>
  );
}

function ChatIcon() {
  return (
    <svg viewBox="0 0 24 24" width="36" height="36" focusable="false">
      <path d="M4 5h16v11H10l-4 3.5V16H4V5Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <circle cx="9" cy="10.5" r="1" fill="currentColor" />
      <circle cx="12" cy="10.5" r="1" fill="currentColor" />
      <circle cx="15" cy="10.5" r="1" fill="currentColor" />
    </svg>
  );
}
