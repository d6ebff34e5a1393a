import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useConsoleClient } from '../../app/console-client-context.js';
import { createLiveCallsStore, type LiveCallsState } from './live-calls-store.js';

/** The board of calls in progress, live for as long as the calling component is on screen. */
export function useLiveCalls(): LiveCallsState {
  const client = useConsoleClient();
  const [store] = useState(() => createLiveCallsStore(client));
  useEffect(() => store.getState().start(), [store]);
  return useStore(store);
}
