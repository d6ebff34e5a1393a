import { useSyncExternalStore } from 'react';
import { routeForHash, type Route } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Hash routing keeps both hosts simple: the custom protocol and the HTTP server serve one page. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return routeForHash(hash);
}
