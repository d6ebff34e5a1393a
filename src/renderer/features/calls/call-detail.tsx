import type { CallDetailDto } from '../../../shared/contract/calls.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill } from '../../components/status-pill.js';
import { TranscriptView } from '../../components/transcript-view.js';
import { useNow } from '../../components/use-now.js';
import { formatPhoneNumber } from '../overview/format.js';
import {
  actionLabel,
  callDurationMs,
  callerLabel,
  callState,
  formatActionTime,
  formatDuration,
  formatLocalDateTime,
  formatLocalTime,
  spokenDuration,
  summarizeArgs,
} from './call-format.js';
import type { CallDetailState } from './call-detail-store.js';
import { TakeoverControls, type TakeoverActions } from './takeover-controls.js';

export function CallDetail({ state, clockOffsetMs, actions }: { state: CallDetailState; clockOffsetMs: number; actions: TakeoverActions }) {
  const { ref, status, detail, error } = state;
  if (!ref) {
    return (
      <Panel title="Call" className="call-detail">
        <EmptyState icon={<TranscriptIcon />} title="No call selected">
          Pick a live call to follow its transcript as it happens, or an earlier call to see how it went.
        </EmptyState>
      </Panel>
    );
  }
  if (!detail) {
    return (
      <Panel title="Call" className="call-detail">
        {status === 'error' ? (
          <InlineError message={`Couldn't load this call: ${error ?? 'unknown error'}`} onRetry={() => void state.reload()} />
        ) : (
          <p className="loading">Loading the call…</p>
        )}
      </Panel>
    );
  }
  return <LoadedCall detail={detail} state={state} clockOffsetMs={clockOffsetMs} actions={actions} />;
}

function LoadedCall({ detail, state, clockOffsetMs, actions }: { detail: CallDetailDto; state: CallDetailState; clockOffsetMs: number; actions: TakeoverActions }) {
  const now = useNow(1_000, detail.active) + clockOffsetMs;
  const who = callerLabel(detail);
  const pill = callState(detail);
  const duration = callDurationMs(detail, now);
  return (
    <Panel
      title={`Call with ${who}`}
      className="call-detail"
      actions={
        <>
          <StatusPill tone={pill.tone}>{pill.label}</StatusPill>
          <span className="call-duration" title={spokenDuration(duration)}>
            <span className="visually-hidden">{detail.active ? 'On the line for ' : 'Lasted '}</span>
            {formatDuration(duration)}
          </span>
        </>
      }
    >
      <dl className="call-facts">
        <div className="call-fact">
          <dt>Number</dt>
          <dd>{detail.from ? <a href={`tel:${detail.from}`} className="phone">{formatPhoneNumber(detail.from)}</a> : <span className="muted">Withheld</span>}</dd>
        </div>
        <div className="call-fact">
          <dt>Practice</dt>
          <dd>{detail.tenantName}</dd>
        </div>
        <div className="call-fact">
          <dt>{detail.active ? 'Started' : 'Called'}</dt>
          <dd>{formatLocalDateTime(detail.startedAt)}</dd>
        </div>
        <div className="call-fact call-fact-wide">
          <dt>Wants</dt>
          <dd>{detail.summary ?? <span className="muted">Not known yet</span>}</dd>
        </div>
        {detail.llmUsage.length > 0 ? (
          <div className="call-fact call-fact-wide">
            <dt>LLM usage</dt>
            <dd>{detail.llmUsage.map((u) => `${u.model}: ${formatTokens(u.promptTokens + u.completionTokens)} tokens (${formatTokens(u.promptTokens)} in, ${formatTokens(u.completionTokens)} out) in ${u.requests} ${u.requests === 1 ? 'request' : 'requests'}`).join('; ')}</dd>
          </div>
        ) : null}
      </dl>
      {state.error ? <p className="stale-note">Couldn&apos;t refresh this call just now: {state.error}</p> : null}
      <div className={`call-detail-body${detail.active ? '' : ' call-detail-ended'}`}>
        <TranscriptView
          turns={detail.transcript}
          callerLabel={detail.callerName ?? 'Caller'}
          label={`Transcript of the call with ${who}`}
          formatTime={formatLocalTime}
          empty={detail.active ? 'The call just started; what is said appears here as it is said.' : 'Nothing was said on this call.'}
        />
        {detail.active ? null : <CallRecord detail={detail} />}
      </div>
      {detail.active && detail.messages.length > 0 ? (
        <ul className="call-live-messages" aria-label="Messages taken on this call">
          {detail.messages.map((message) => (
            <li key={message.id}>
              <strong>{message.urgent ? 'Urgent message taken:' : 'Message taken:'}</strong> {message.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {detail.active ? <TakeoverControls call={detail} pending={state.pending} commandError={state.commandError} actions={actions} /> : null}
    </Panel>
  );
}

/** What happened on an ended call: what the receptionist did, and any message it took. */
function CallRecord({ detail }: { detail: CallDetailDto }) {
  return (
    <div className="call-record">
      <section aria-labelledby={`actions-${detail.id}`}>
        <h3 id={`actions-${detail.id}`} className="section-title">
          What the receptionist did
        </h3>
        {detail.actions.length === 0 ? (
          <p className="muted small">No actions: the receptionist only talked.</p>
        ) : (
          <ol className="action-list">
            {detail.actions.map((action, index) => {
              const args = summarizeArgs(action.args);
              return (
                <li key={`${action.at}-${index}`} className="action-item">
                  <span className="action-head">
                    <span className="action-name">{actionLabel(action.action)}</span>
                    <StatusPill tone={action.ok ? 'ok' : 'bad'}>{action.ok ? 'Done' : 'Failed'}</StatusPill>
                  </span>
                  {args ? <span className="action-args">{args}</span> : null}
                  <span className="action-time muted">
                    {formatLocalTime(action.at)} · took {formatActionTime(action.durationMs)}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {detail.latency && detail.latency.length > 0 ? (
        <section aria-labelledby={`latency-${detail.id}`}>
          <h3 id={`latency-${detail.id}`} className="section-title">
            Answer speed per turn
          </h3>
          <table className="latency-table">
            <thead>
              <tr>
                <th scope="col">Turn</th>
                <th scope="col">End of speech → words</th>
                <th scope="col">→ first sentence</th>
                <th scope="col">→ first sound</th>
              </tr>
            </thead>
            <tbody>
              {detail.latency.map((l) => (
                <tr key={l.turn}>
                  <td>{l.turn}</td>
                  <td>{formatMs(l.endOfSpeechMs)}</td>
                  <td>{formatMs(l.firstSentenceMs)}</td>
                  <td>{formatMs(l.firstAudioMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {detail.messages.length > 0 ? (
        <section aria-labelledby={`messages-${detail.id}`}>
          <h3 id={`messages-${detail.id}`} className="section-title">
            Messages taken
          </h3>
          <ul className="call-messages">
            {detail.messages.map((message) => (
              <li key={message.id} className="call-message">
                {message.urgent ? <StatusPill tone="bad">Urgent</StatusPill> : null}
                <span className="call-message-reason">{message.reason}</span>
                <span className="muted small">
                  {message.callerName ?? 'Caller'}
                  {message.callbackNumber ? <> · call back <a href={`tel:${message.callbackNumber}`}>{formatPhoneNumber(message.callbackNumber)}</a></> : null} ·{' '}
                  {message.status === 'handled' ? `handled${message.handledBy ? ` by ${message.handledBy}` : ''}` : 'new'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function formatMs(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)} ms`;
}

function TranscriptIcon() {
  return (
    <svg viewBox="0 0 24 24" width="36" height="36" focusable="false">
      <path d="M5 5h14v10H9l-4 4V5Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M8 9h8M8 12h5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function formatTokens(count: number): string {
  return count.toLocaleString('en-US');
}
