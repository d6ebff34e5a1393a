import { useEffect } from 'react';
import type { ConsoleClient } from '../api/console-client.js';
import { ConnectionBanner } from '../components/connection-banner.js';
import { ConnectionPill } from '../components/connection-pill.js';
import { ConsoleClientProvider, useConnectionState } from './console-client-context.js';
import { hrefFor, ROUTES } from './routes.js';
import { useHashRoute } from './use-hash-route.js';

export function App({ client }: { client: ConsoleClient }) {
  return (
    <ConsoleClientProvider client={client}>
      <AppShell />
    </ConsoleClientProvider>
  );
}

function AppShell() {
  const route = useHashRoute();
  const connection = useConnectionState();
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
            {ROUTES.map((item) => (
              <li key={item.path}>
                <a href={hrefFor(item)} aria-current={item.path === route.path ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header-end">
          <ConnectionPill />
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Screen />
      </main>
    </div>
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
