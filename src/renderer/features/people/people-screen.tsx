import { useState } from 'react';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import type { StaffMemberDto } from '../../../shared/contract/index.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { useSession } from '../../app/use-session.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { AddPracticeDialog } from './add-practice-dialog.js';
import { describePractices, ROLE_LABELS, usePeople } from './people-store.js';
import { AddPersonDialog, ChangePersonDialog, RemovePersonDialog, ResetPasswordDialog } from './person-dialogs.js';

type Open =
  | { kind: 'add-person' }
  | { kind: 'add-practice' }
  | { kind: 'change' | 'reset' | 'remove'; person: StaffMemberDto }
  | null;

/** Owners manage who may use the console, what each may see, and the practices themselves. */
export function PeopleScreen() {
  const { session } = useSession();
  if (session.staff?.role !== 'owner') {
    return (
      <div className="screen people">
        <h1 className="screen-title">People and practices</h1>
        <EmptyState title="Only an owner can manage people">Ask an owner to add someone, change what they may see or give them a new password.</EmptyState>
      </div>
    );
  }
  return <OwnerPeopleScreen />;
}

function OwnerPeopleScreen() {
  const { session } = useSession();
  const { people, error, reload } = usePeople();
  const current = useCurrentTenant();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = useConsoleClient();
  const close = () => setOpen(null);
  /** Revokes "Remember me on this computer" for the person, on every computer. */
  const forgetComputers = (person: StaffMemberDto) =>
    void client.call('staff/forget-devices', { name: person.name }).then(
      ({ forgotten }) => setNotice(forgotten === 0 ? `No computer remembers ${person.name}.` : `${person.name} signs in with the password on ${forgotten === 1 ? 'that computer' : `those ${forgotten} computers`} from now on.`),
      (e: unknown) => setNotice(describeError(e)),
    );
  const me = session.staff?.name.toLowerCase();

  return (
    <div className="screen people">
      <h1 className="screen-title">People and practices</h1>
      <Panel
        title="People"
        actions={
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'add-person' })}>
            Add a person
          </button>
        }
      >
        {error ? <InlineError message={`Couldn't load the people: ${error}`} onRetry={reload} /> : null}
        <p role="status" className="people-notice">
          {notice}
        </p>
        {people === null && !error ? <p className="loading">Loading…</p> : null}
        {people && people.length === 0 ? (
          <EmptyState title="Nobody has an account yet">Add the first owner: from then on everyone signs in.</EmptyState>
        ) : null}
        {people && people.length > 0 ? (
          <table className="people-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Sees</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.name}>
                  <th scope="row">
                    {person.name}
                    {person.name.toLowerCase() === me ? <span className="muted"> (you)</span> : null}
                  </th>
                  <td>{ROLE_LABELS[person.role]}</td>
                  <td>{describePractices(person.practices, current.tenants)}</td>
                  <td className="people-actions">
                    <button type="button" className="button button-small" aria-label={`Change ${person.name}`} onClick={() => setOpen({ kind: 'change', person })}>
                      Change…
                    </button>
                    <button type="button" className="button button-small" aria-label={`New password for ${person.name}`} onClick={() => setOpen({ kind: 'reset', person })}>
                      New password…
                    </button>
                    <button type="button" className="button button-small" aria-label={`Forget the computers that remember ${person.name}`} onClick={() => forgetComputers(person)}>
                      Forget computers
                    </button>
                    {person.name.toLowerCase() === me ? null : (
                      <button type="button" className="button button-small" aria-label={`Remove ${person.name}`} onClick={() => setOpen({ kind: 'remove', person })}>
                        Remove…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Panel>

      <Panel
        title="Practices"
        actions={
          <button type="button" className="button" onClick={() => setOpen({ kind: 'add-practice' })}>
            Add a practice
          </button>
        }
      >
        <ul className="people-practices">
          {current.tenants.map((tenant) => (
            <li key={tenant.id}>{tenant.name}</li>
          ))}
        </ul>
      </Panel>

      {open?.kind === 'add-person' ? <AddPersonDialog tenants={current.tenants} onClose={close} /> : null}
      {open?.kind === 'change' ? <ChangePersonDialog person={open.person} tenants={current.tenants} onClose={close} /> : null}
      {open?.kind === 'reset' ? <ResetPasswordDialog person={open.person} onClose={close} /> : null}
      {open?.kind === 'remove' ? <RemovePersonDialog person={open.person} onClose={close} /> : null}
      {open?.kind === 'add-practice' ? (
        <AddPracticeDialog
          onClose={close}
          onAdded={(id) => {
            close();
            current.select(id);
          }}
        />
      ) : null}
    </div>
  );
}
