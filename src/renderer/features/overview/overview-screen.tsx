import { useEffect, useState } from 'react';
import { DateTime } from 'luxon';
import { useStore } from 'zustand';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { HealthPanel } from './health-panel.js';
import { LatencyPanel } from './latency-panel.js';
import { LiveCallsBoard } from './live-calls-board.js';
import { createOverviewStore } from './overview-store.js';
import { PracticesPanel } from './practices-panel.js';
import { TodayPanel } from './today-panel.js';
import { useApplianceNow } from './use-appliance-now.js';

export function OverviewScreen() {
  const client = useConsoleClient();
  const [store] = useState(() => createOverviewStore(client));
  useEffect(() => store.getState().start(), [store]);

  const practices = useStore(store, (s) => s.practices);
  const health = useStore(store, (s) => s.health);
  const clockOffsetMs = useStore(store, (s) => s.clockOffsetMs);
  const refreshPractices = useStore(store, (s) => s.refreshPractices);
  const refreshHealth = useStore(store, (s) => s.refreshHealth);
  const now = useApplianceNow(clockOffsetMs);
  const current = useCurrentTenant();
  const zone = current.tenant?.timezone ?? null;
  const local = now !== null && zone ? DateTime.fromMillis(now, { zone }) : null;
  const today = local?.toISODate() ?? null;
  const nowIso = local?.toISO({ suppressMilliseconds: true }) ?? null;

  return (
    <div className="screen overview">
      <h1 className="screen-title">Overview</h1>
      {current.tenant && today ? <TodayPanel tenantId={current.tenant.id} today={today} nowIso={nowIso} /> : null}
      <div className="overview-grid">
        <LiveCallsBoard />
        <div className="overview-side">
          <PracticesPanel practices={practices} now={now} onRetry={() => void refreshPractices()} />
          <HealthPanel health={health} onRetry={() => void refreshHealth()} />
          <LatencyPanel practices={practices.data} />
        </div>
      </div>
    </div>
  );
}
