import { useSyncExternalStore } from 'react';
import { subPathOf } from '../../app/routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** `#/calls/abc` → `abc`: the item selected on a screen, kept in the address so it survives a reload. */
export function useHashSubPath(): string | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return subPathOf(hash);
}

export function callHref(callId: string): string {
  return `#/calls/${encodeURIComponent(callId)}`;
}
