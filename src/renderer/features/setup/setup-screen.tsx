import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { InlineError } from '../../components/inline-error.js';
import { StatusPill } from '../../components/status-pill.js';
import { useHashSubPath } from '../calls/use-hash-sub-path.js';
import { LiveStep } from './live-step.js';
import { PhoneStep } from './phone-step.js';
import { PracticeStep } from './practice-step.js';
import { ReachabilityStep } from './reachability-step.js';
import { checkSteps, isStepId, SETUP_STEPS, type StepId } from './setup-checks.js';
import { createSetupStore } from './setup-store.js';
import { TestCallStep } from './test-call-step.js';

export function setupHref(step?: StepId): string {
  return step ? `#/setup/${step}` : '#/setup';
}

/**
 * The first-run wizard: practice → phone → reachability → test call → live. Each step checks itself
 * against the appliance, so any step can be revisited later (from Settings) and shows where it stands.
 */
export function SetupScreen() {
  const client = useConsoleClient();
  const [store] = useState(() => createSetupStore(client));
  useEffect(() => store.getState().start(), [store]);
  const status = useStore(store, (s) => s.status);
  const loadError = useStore(store, (s) => s.loadError);
  const testCall = useStore(store, (s) => s.testCall);
  const { tenants, tenant, select } = useCurrentTenant();
  const sub = useHashSubPath();
  const checks = useMemo(
    () => (status ? checkSteps({ status, tenantId: tenant?.id ?? null, tenantName: tenant?.name ?? null, testCall }) : null),
    [status, tenant, testCall],
  );
  // Without a step in the address, open the first one that is not done yet.
  const current: StepId = isStepId(sub) ? sub : (SETUP_STEPS.find((s) => checks && !checks[s.id].done)?.id ?? 'practice');
  const go = (step: StepId) => {
    window.location.hash = setupHref(step);
  };

  return (
    <div className="screen setup">
      <h1 className="screen-title">Set up the phone</h1>
      {!status || !checks ? (
        loadError ? <InlineError message={`Couldn't read the set-up: ${loadError}`} onRetry={() => void store.getState().load()} /> : <p className="loading">Loading…</p>
      ) : (
        <div className="setup-layout">
          <nav aria-label="Set-up steps">
            <ol className="setup-steps">
              {SETUP_STEPS.map((step, index) => (
                <li key={step.id} data-step={step.id} data-done={checks[step.id].done}>
                  <a href={setupHref(step.id)} aria-current={step.id === current ? 'step' : undefined}>
                    <span className="setup-step-number">{index + 1}</span> {step.title}{' '}
                    {checks[step.id].done ? <StatusPill tone="ok">Done</StatusPill> : <StatusPill tone="neutral">To do</StatusPill>}
                    <span className="setup-step-summary muted">{checks[step.id].summary}</span>
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <section className="panel setup-step" aria-labelledby="setup-step-title">
            <div className="panel-header">
              <h2 id="setup-step-title" className="panel-title">
                {SETUP_STEPS.find((s) => s.id === current)!.title}
              </h2>
            </div>
            <div className="panel-body">
              {current === 'practice' ? (
                <PracticeStep tenants={tenants} tenantId={tenant?.id ?? null} onSelect={select} onNext={() => go('phone')} />
              ) : !tenant ? (
                <p>Pick a practice first.</p>
              ) : current === 'phone' ? (
                <PhoneStep store={store} tenantId={tenant.id} onNext={() => go('reachability')} />
              ) : current === 'reachability' ? (
                <ReachabilityStep store={store} tenantId={tenant.id} onNext={() => go('test-call')} />
              ) : current === 'test-call' ? (
                <TestCallStep store={store} tenantId={tenant.id} onNext={() => go('live')} />
              ) : (
                <LiveStep store={store} ready={checks.live} />
              )}
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
