import type { ReactNode } from 'react';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { LiveCallList } from './live-call-list.js';
import type { useLiveCalls } from './use-live-calls.js';

/** The "Live calls" panel the overview and the Calls screen share: loading, error, empty, and the list. */
export function LiveCallsPanel(props: {
  live: ReturnType<typeof useLiveCalls>;
  className: string;
  empty: ReactNode;
  selectedId?: string | null;
  showLastLine?: boolean;
}) {
  const { live } = props;
  const activeCount = live.calls.filter((c) => c.active).length;
  return (
    <Panel
      title="Live calls"
      className={props.className}
      actions={live.status === 'ready' ? <span className="count">{activeCount === 0 ? 'None active' : `${activeCount} active`}</span> : null}
    >
      {live.status === 'loading' ? (
        <p className="loading">Loading calls…</p>
      ) : live.status === 'error' ? (
        <InlineError message={`Couldn't load the live calls: ${live.error ?? 'unknown error'}`} onRetry={() => void live.refresh()} />
      ) : live.calls.length === 0 ? (
        props.empty
      ) : (
        <>
          {live.error ? <p className="stale-note">Couldn&apos;t refresh just now; showing the last known calls.</p> : null}
          <LiveCallList
            calls={live.calls}
            clockOffsetMs={live.clockOffsetMs}
            label="Calls in progress"
            {...(props.showLastLine ? { lastTurns: live.lastTurns, showLastLine: true } : {})}
            {...(props.selectedId !== undefined ? { selectedId: props.selectedId } : {})}
          />
        </>
      )}
    </Panel>
  );
}
