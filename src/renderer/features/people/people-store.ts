import { useCallback, useEffect, useState } from 'react';
import type { StaffMemberDto, TenantSummary } from '../../../shared/contract/index.js';
import { describeError } from '../../api/command-error.js';
import { useConnectionState, useConsoleClient } from '../../app/console-client-context.js';

export interface PeopleState {
  people: StaffMemberDto[] | null;
  error: string | null;
  reload(): void;
}

/** The staff list, reloaded whenever anyone's account changes (here or on another console). */
export function usePeople(): PeopleState {
  const client = useConsoleClient();
  const connection = useConnectionState();
  const [people, setPeople] = useState<StaffMemberDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    client.call('staff/list', {}).then(
      (list) => {
        setPeople(list);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client]);
  useEffect(() => {
    if (connection === 'open') reload();
    return client.on('staff/changed', reload);
  }, [client, connection, reload]);
  return { people, error, reload };
}

/** "All practices", or the practices' names in order. */
export function describePractices(practices: string[] | null, tenants: TenantSummary[]): string {
  if (practices === null) return 'All practices';
  const names = practices.map((id) => tenants.find((t) => t.id === id)?.name).filter((n): n is string => Boolean(n));
  return names.length ? names.join(', ') : 'No practices';
}

export const ROLE_LABELS = { owner: 'Owner', desk: 'Front desk' } as const;
