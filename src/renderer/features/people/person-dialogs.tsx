import { useState, type FormEvent } from 'react';
import type { StaffMemberDto, TenantSummary } from '../../../shared/contract/index.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { Dialog } from '../../components/dialog.js';
import { FieldGroup, FormField } from '../../components/form-field.js';
import { ROLE_LABELS } from './people-store.js';

type Role = StaffMemberDto['role'];

/** Runs a command from a dialog: busy while it runs, the appliance's words on failure, closes on success. */
function useSubmit(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (command: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await command();
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

function SubmitError({ error }: { error: string | null }) {
  return error ? (
    <div className="inline-error" role="alert">
      <p>{error}</p>
    </div>
  ) : null;
}

function Actions({ busy, label, busyLabel, onCancel, danger = false }: { busy: boolean; label: string; busyLabel: string; onCancel: () => void; danger?: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** Owner or front desk, and which practices the person may see (all, or some). */
function RoleAndPractices({
  role,
  setRole,
  practices,
  setPractices,
  tenants,
  error,
}: {
  role: Role;
  setRole: (role: Role) => void;
  practices: string[] | null;
  setPractices: (practices: string[] | null) => void;
  tenants: TenantSummary[];
  error: string | null;
}) {
  return (
    <>
      <FieldGroup legend="Role" hint="Owners also manage people, practices, settings and the phone set-up.">
        {(['desk', 'owner'] as const).map((value) => (
          <label key={value} className="people-choice">
            <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} /> {ROLE_LABELS[value]}
          </label>
        ))}
      </FieldGroup>
      <FieldGroup legend="Practices they may see" errors={error ? [error] : []}>
        <label className="people-choice">
          <input type="checkbox" checked={practices === null} onChange={(e) => setPractices(e.target.checked ? null : [])} /> All practices, including ones added later
        </label>
        {practices !== null
          ? tenants.map((tenant) => (
              <label key={tenant.id} className="people-choice">
                <input
                  type="checkbox"
                  checked={practices.includes(tenant.id)}
                  onChange={(e) => setPractices(e.target.checked ? [...practices, tenant.id] : practices.filter((id) => id !== tenant.id))}
                />{' '}
                {tenant.name}
              </label>
            ))
          : null}
      </FieldGroup>
    </>
  );
}

const practicesProblem = (practices: string[] | null) => (practices !== null && practices.length === 0 ? 'Choose at least one practice, or all of them.' : null);

export function AddPersonDialog({ tenants, onClose }: { tenants: TenantSummary[]; onClose: () => void }) {
  const client = useConsoleClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('desk');
  const [practices, setPractices] = useState<string[] | null>(tenants.length === 1 ? null : []);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ name?: string; password?: string; practices?: string | null }>({});
  const { busy, error, run } = useSubmit(onClose);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : 'Enter the person\'s name; they sign in with it.',
      password: password.length >= 8 ? undefined : 'At least 8 characters.',
      practices: practicesProblem(practices),
    };
    setProblems(found);
    if (found.name || found.password || found.practices) return;
    void run(() => client.call('staff/add', { name: name.trim(), role, practices, password }));
  };

  return (
    <Dialog title="Add a person" description="They sign in with this name and password; tell them the password in person." onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={submit}>
        <FormField label="Name" errors={problems.name ? [problems.name] : []} required>
          {(field) => <input {...field} className="input" autoComplete="off" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <RoleAndPractices role={role} setRole={setRole} practices={practices} setPractices={setPractices} tenants={tenants} error={problems.practices ?? null} />
        <FormField label="First password" hint="At least 8 characters. They can be given a new one later." errors={problems.password ? [problems.password] : []} required>
          {(field) => <input {...field} className="input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
        <SubmitError error={error} />
        <Actions busy={busy} label="Add person" busyLabel="Adding…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ChangePersonDialog({ person, tenants, onClose }: { person: StaffMemberDto; tenants: TenantSummary[]; onClose: () => void }) {
  const client = useConsoleClient();
  const [role, setRole] = useState<Role>(person.role);
  const [practices, setPractices] = useState<string[] | null>(person.practices);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = practicesProblem(practices);
    setProblem(found);
    if (!found) void run(() => client.call('staff/update', { name: person.name, role, practices }));
  };
  return (
    <Dialog title={`Change ${person.name}`} description="Applies at once, also on any console where they are signed in now." onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={submit}>
        <RoleAndPractices role={role} setRole={setRole} practices={practices} setPractices={setPractices} tenants={tenants} error={problem} />
        <SubmitError error={error} />
        <Actions busy={busy} label="Save changes" busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ResetPasswordDialog({ person, onClose }: { person: StaffMemberDto; onClose: () => void }) {
  const client = useConsoleClient();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8) return setProblem('At least 8 characters.');
    setProblem(null);
    void run(() => client.call('staff/reset-password', { name: person.name, password }));
  };
  return (
    <Dialog title={`New password for ${person.name}`} description="They are signed out everywhere and sign in again with the new password." onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={submit}>
        <FormField label="New password" hint="At least 8 characters." errors={problem ? [problem] : []} required>
          {(field) => <input {...field} className="input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
        <SubmitError error={error} />
        <Actions busy={busy} label="Set password" busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function RemovePersonDialog({ person, onClose }: { person: StaffMemberDto; onClose: () => void }) {
  const client = useConsoleClient();
  const { busy, error, run } = useSubmit(onClose);
  return (
    <Dialog title={`Remove ${person.name}?`} description="They are signed out at once and can no longer sign in. What they did stays recorded under their name." onClose={onClose}>
      <form
        className="dialog-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => client.call('staff/remove', { name: person.name }));
        }}
      >
        <SubmitError error={error} />
        <Actions busy={busy} label={`Remove ${person.name}`} busyLabel="Removing…" onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
