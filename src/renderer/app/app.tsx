import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleClient } from '../api/console-client.js';
import { ConnectionBanner } from '../components/connection-banner.js';
import { ConnectionPill } from '../components/connection-pill.js';
import { PracticePicker } from '../components/practice-picker.js';
import { FirstRunBanner } from '../features/setup/first-run-banner.js';
import { ALL_PRACTICES } from './desk-store.js';
import { SessionGate } from './session-gate.js';
import { useSession } from './use-session.js';
import { ConsoleClientProvider, useConnectionState, useConsoleClient } from './console-client-context.js';
import { createReviewCountStore, createUnreadTextsStore, totalPending } from './review-count-store.js';
import { hrefFor, LIST_SCREENS, ROUTES, type Route } from './routes.js';
import { useCurrentTenant } from './use-current-tenant.js';
import { useHashRoute } from './use-hash-route.js';

export function App({ client }: { client: ConsoleClient }) {
  return (
    <ConsoleClientProvider client={client}>
      <SessionGate>
        <AppShell />
      </SessionGate>
    </ConsoleClientProvider>
  );
}

function AppShell() {
  const route = useHashRoute();
  const connection = useConnectionState();
  const current = useCurrentTenant();
  const reviewWaiting = useReviewWaiting(current.listScope);
  const unreadTexts = useUnreadTexts();
  const { session } = useSession();
  const isOwner = session.staff?.role === 'owner';
  const { Screen } = route;

  useEffect(() => {
    document.title = `${route.label} · Frontdesk`;
  }, [route]);

  return (
    <div className="app" data-connection={connection}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="brand">
          <BrandMark />
          <span className="brand-name">Frontdesk</span>
        </div>
        <nav className="app-nav" aria-label="Screens">
          <ul>
            {ROUTES.filter((item: Route) => isOwner || !item.ownerOnly).map((item) => (
              <li key={item.path}>
                <NavLink label={item.label} href={hrefFor(item)} current={item.path === route.path} badge={item.path === 'review' ? reviewWaiting : item.path === 'inbox' ? unreadTexts : 0} />
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header-end">
          <PracticePicker current={current} lists={LIST_SCREENS.has(route.path)} />
          <SignedInAs />
          <ConnectionPill />
        </div>
      </header>
      <ConnectionBanner />
      <FirstRunBanner onSetupScreen={route.path === 'setup'} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Screen />
      </main>
    </div>
  );
}

/** A screen in the navigation; a badge counts what waits there ("Review, 2 waiting" to screen readers). */
function NavLink({ label, href, current, badge }: { label: string; href: string; current: boolean; badge: number }) {
  return (
    <a href={href} aria-current={current ? 'page' : undefined} aria-label={badge > 0 ? `${label}, ${badge} waiting` : undefined}>
      {label}
      {badge > 0 ? (
        <span className="nav-badge" aria-hidden="true">
          {badge}
        </span>
      ) : null}
    </a>
  );
}

/** Bookings waiting for a person's decision: the same practices the Review list shows, so the two agree. */
function useReviewWaiting(scope: string): number {
  return useTabCount(createReviewCountStore, scope);
}

/** Texts nobody at the desk has read yet, across every practice this person may see (the Inbox shows one at a time). */
function useUnreadTexts(): number {
  return useTabCount(createUnreadTextsStore, ALL_PRACTICES);
}

function useTabCount(create: typeof createReviewCountStore, scope: string): number {
  const client = useConsoleClient();
  const [store] = useState(() => create(client));
  useEffect(() => store.getState().start(), [store]);
  return useStore(store, (s) => (scope === ALL_PRACTICES ? totalPending(s.pending) : (s.pending[scope] ?? 0)));
}

/** Who the console acts as, and the way out. */
function SignedInAs() {
  const { session, signOut } = useSession();
  if (!session.staff) return null;
  if (!session.signInRequired) {
    return (
      <span className="signed-in" title="Add an owner in Settings to require sign-in">
        {session.staff.name}
      </span>
    );
  }
  return (
    <span className="signed-in">
      <span className="signed-in-name">{session.staff.name}</span>
      <span className="signed-in-role">{session.staff.role === 'owner' ? 'Owner' : 'Front desk'}</span>
      <button type="button" className="button button-quiet" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  );
}

function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" fill="currentColor" />
      <path
        d="M8.6 6.5c.4-.4 1-.4 1.4 0l1.5 1.8c.3.4.3.9 0 1.3l-.9 1c.6 1.3 1.6 2.3 2.9 2.9l1-.9c.4-.3.9-.3 1.3 0l1.8 1.5c.4.4.4 1 0 1.4l-1 1c-.6.6-1.5.8-2.3.5-3.2-1.2-5.7-3.7-6.9-6.9-.3-.8-.1-1.7.5-2.3l.7-.3Z"
        fill="#fff"
      />
    </svg>
  );
}
