import { useEffect, useId, useState } from 'react';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill } from '../../components/status-pill.js';
import { callDurationMs, callerLabel, callerNumber, callOutcomeLabel, formatDuration, formatLocalDateTime, outcomeToneOf } from './call-format.js';
import type { CallHistoryState } from './call-history-store.js';
import { callHref } from './use-hash-sub-path.js';

/** Typing pauses this long before the search runs, so each keystroke is not a question. */
const SEARCH_DEBOUNCE_MS = 250;

export function CallHistory({ history, tenantId, selectedId }: { history: CallHistoryState; tenantId: string | null; selectedId: string | null }) {
  const [typed, setTyped] = useState(history.search);
  const searchId = useId();
  const { query } = history;

  useEffect(() => {
    const timer = setTimeout(() => void query(tenantId, typed), typed === '' ? 0 : SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, tenantId, typed]);

  const searching = history.appliedSearch.trim() !== '';
  return (
    <Panel title="Call history" className="call-history" actions={history.status === 'ready' ? <span className="count">{history.calls.length}</span> : null}>
      <form className="history-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={searchId} className="visually-hidden">
          Search calls
        </label>
        <input
          id={searchId}
          className="text-input"
          type="search"
          value={typed}
          placeholder="Search name, number, words said…"
          autoComplete="off"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && typed) {
              event.preventDefault();
              setTyped('');
            }
          }}
        />
      </form>
      {history.status === 'loading' || history.status === 'idle' ? (
        <p className="loading">{tenantId ? 'Loading calls…' : 'Loading practices…'}</p>
      ) : history.status === 'error' ? (
        <InlineError message={`Couldn't load the call history: ${history.error ?? 'unknown error'}`} onRetry={() => void history.refresh()} />
      ) : history.calls.length === 0 ? (
        <EmptyState title={searching ? 'No calls match' : 'No calls yet'}>
          {searching ? `Nothing on record matches “${history.appliedSearch.trim()}”.` : 'Finished calls are kept here with their transcripts and outcomes.'}
        </EmptyState>
      ) : (
        <ul className="call-list call-history-list" aria-label={searching ? `Calls matching ${history.appliedSearch.trim()}` : 'Recent calls'}>
          {history.calls.map((call) => {
            const number = callerNumber(call);
            return (
              <li key={call.id} className="call-item">
                <a className="call-row" href={callHref(call.id)} aria-current={call.id === selectedId ? 'true' : undefined}>
                  <span className="call-row-top">
                    <span className="call-caller">{callerLabel(call)}</span>
                    <span className="call-when">{formatLocalDateTime(call.startedAt)}</span>
                  </span>
                  <span className="call-row-practice">
                    {call.tenantName}
                    {call.rehearsal ? <span className="test-mark">Test</span> : null}
                  </span>
                  <span className="call-row-bottom">
                    <span className={`call-summary${call.summary ? '' : ' muted'}`}>
                      {number ? <span className="phone">{number} · </span> : null}
                      {call.summary ?? 'No request noted'}
                    </span>
                    <span className="call-row-end">
                      <span className="call-duration">
                        <span className="visually-hidden">Lasted </span>
                        {formatDuration(callDurationMs(call, Date.now()))}
                      </span>
                      <StatusPill tone={outcomeToneOf(call)}>{callOutcomeLabel(call)}</StatusPill>
                    </span>
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
