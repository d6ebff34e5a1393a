import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { CallDetail } from './call-detail.js';
import { createCallDetailStore } from './call-detail-store.js';
import { CallHistory } from './call-history.js';
import { createCallHistoryStore } from './call-history-store.js';
import { LiveCallsPanel } from './live-calls-panel.js';
import { LlmUsagePanel } from './llm-usage-panel.js';
import { useHashSubPath } from './use-hash-sub-path.js';
import { useLiveCalls } from './use-live-calls.js';

/**
 * The desk's view of the phones: calls in progress, the selected call's transcript as it is
 * spoken (with the controls to take it over), and every earlier call, searchable.
 */
export function CallsScreen() {
  const client = useConsoleClient();
  const current = useCurrentTenant();
  const live = useLiveCalls();
  const [detailStore] = useState(() => createCallDetailStore(client));
  const [historyStore] = useState(() => createCallHistoryStore(client));
  useEffect(() => detailStore.getState().start(), [detailStore]);
  useEffect(() => historyStore.getState().start(), [historyStore]);
  const detail = useStore(detailStore);
  const history = useStore(historyStore);

  const selectedId = useHashSubPath();
  const tenantId = current.tenant?.id ?? null;
  // A call's practice comes from whichever list shows it; a link to a call on neither list is
  // looked up in the practice on screen once the board has loaded.
  const knownTenant =
    live.calls.find((c) => c.id === selectedId)?.tenantId ??
    history.calls.find((c) => c.id === selectedId)?.tenantId ??
    (detail.ref?.callId === selectedId ? detail.ref.tenantId : null) ??
    (live.status !== 'loading' ? tenantId : null);
  const select = detail.select;
  useEffect(() => {
    if (!selectedId) select(null);
    else if (knownTenant) select({ tenantId: knownTenant, callId: selectedId });
  }, [select, selectedId, knownTenant]);

  return (
    <div className="screen calls-screen">
      <h1 className="screen-title">Calls</h1>
      <div className="calls-layout">
        <div className="calls-side">
          <LiveCallsPanel
            live={live}
            className="live-calls-panel"
            selectedId={selectedId}
            empty={<EmptyState title="No calls right now">Calls in progress appear here the moment the phone is answered.</EmptyState>}
          />
          <CallHistory history={history} tenantId={current.tenants.length > 1 ? current.listScope : tenantId} selectedId={selectedId} />
          <LlmUsagePanel tenantId={tenantId} />
        </div>
        {selectedId && detail.ref?.callId !== selectedId ? (
          <Panel title="Call" className="call-detail">
            {current.error && !tenantId ? (
              <InlineError message={`Couldn't load the practices: ${current.error}`} />
            ) : (
              <p className="loading">Loading the call…</p>
            )}
          </Panel>
        ) : (
          <CallDetail state={detail} clockOffsetMs={live.clockOffsetMs} actions={detail} />
        )}
      </div>
    </div>
  );
}
