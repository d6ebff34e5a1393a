import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { StatusPill } from '../../components/status-pill.js';
import { ClosuresSection, HoursSection, SpecialHoursSection } from './calendar-sections.js';
import { CalendarsSection } from './calendars-section.js';
import { BookingPolicySection, FaqSection, ReviewPolicySection } from './policy-sections.js';
import { PracticeSection } from './practice-section.js';
import { VoiceSection } from './voice-section.js';
import { ReceptionistSection } from './receptionist-section.js';
import { ReplayCheck } from './replay-check.js';
import { fieldId, SettingsEditorProvider, type SettingsEditor } from './settings-editor.js';
import { describePath, parsePath, sectionOf, SETTINGS_SECTIONS } from './settings-labels.js';
import { settingsStoreFor, type SettingsStore } from './settings-store.js';
import { ClosedDaysDialog } from './closed-days-dialog.js';
import { mergeErrors, validateDraft } from './settings-validation.js';
import { ProvidersSection, ServicesSection } from './team-sections.js';
import { TextsSection } from './texts-section.js';
import { TryPhrase } from './try-phrase.js';
import { SetupLinks } from '../setup/setup-links.js';

export function SettingsScreen() {
  const { tenant, loading, error } = useCurrentTenant();
  if (!tenant) {
    return (
      <div className="screen settings">
        <h1 className="screen-title">Settings</h1>
        {loading ? (
          <p className="loading">Loading…</p>
        ) : error ? (
          <InlineError message={`Couldn't load the practices: ${error}`} />
        ) : (
          <EmptyState title="No practices yet">Import a practice file with the frontdesk command line first.</EmptyState>
        )}
      </div>
    );
  }
  return <SettingsEditorScreen key={tenant.id} tenantId={tenant.id} />;
}

function SettingsEditorScreen({ tenantId }: { tenantId: string }) {
  const client = useConsoleClient();
  const [store] = useState(() => settingsStoreFor(client, tenantId));
  useEffect(() => store.getState().start(), [store]);
  const status = useStore(store, (s) => s.status);
  const loadError = useStore(store, (s) => s.loadError);
  const saved = useStore(store, (s) => s.saved);

  return (
    <div className="screen settings">
      {status === 'loading' ? (
        <>
          <h1 className="screen-title">Settings</h1>
          <p className="loading">Loading the practice's settings…</p>
        </>
      ) : status === 'error' || !saved ? (
        <>
          <h1 className="screen-title">Settings</h1>
          <InlineError message={`Couldn't load the settings: ${loadError ?? 'unknown error'}`} onRetry={() => void store.getState().load()} />
        </>
      ) : (
        <>
          <SettingsForm store={store} tenantId={tenantId} />
          <ClosedDaysDialog store={store} />
        </>
      )}
    </div>
  );
}

function SettingsForm({ store, tenantId }: { store: SettingsStore; tenantId: string }) {
  const draft = useStore(store, (s) => s.draft);
  const saved = useStore(store, (s) => s.saved);
  const dirty = useStore(store, (s) => s.dirty);
  const saving = useStore(store, (s) => s.saving);
  const saveProblem = useStore(store, (s) => s.saveProblem);
  const serverErrors = useStore(store, (s) => s.serverErrors);
  const showSummary = useStore(store, (s) => s.showSummary);
  const changedElsewhere = useStore(store, (s) => s.changedElsewhere);
  const savedNotice = useStore(store, (s) => s.savedNotice);
  const { update, revert, save } = store.getState();
  const summaryRef = useRef<HTMLDivElement>(null);

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const errors = useMemo(() => mergeErrors(validation.errors, serverErrors), [validation.errors, serverErrors]);
  const problems = useMemo(() => [...errors].flatMap(([path, messages]) => messages.map((message) => ({ path, message }))), [errors]);
  const editor = useMemo<SettingsEditor | null>(() => (draft ? { draft, errors, update } : null), [draft, errors, update]);

  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [showSummary]);

  // Closing or reloading the console with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (!editor || !draft) return null;

  const sectionCounts = new Map<string, number>();
  for (const { path } of problems) {
    const section = sectionOf(parsePath(path));
    if (section) sectionCounts.set(section.id, (sectionCounts.get(section.id) ?? 0) + 1);
  }

  return (
    <SettingsEditorProvider editor={editor}>
      {/* Not a <form>: Enter in a field must not save a whole practice, and "Try a phrase" has its own form. */}
      <div className="settings-form">
        <div className="settings-bar">
          <div className="settings-bar-title">
            <h1 className="screen-title">Settings</h1>
            <span className="muted">{saved?.name}</span>
          </div>
          <div className="settings-bar-status" role="status" aria-live="polite">
            {saving ? (
              <StatusPill tone="info">Saving…</StatusPill>
            ) : dirty ? (
              <StatusPill tone="warn">Unsaved changes</StatusPill>
            ) : savedNotice ? (
              <StatusPill tone="ok">{savedNotice}</StatusPill>
            ) : (
              <StatusPill tone="neutral">No changes</StatusPill>
            )}
            {problems.length ? <StatusPill tone="bad">{problems.length === 1 ? '1 problem' : `${problems.length} problems`}</StatusPill> : null}
          </div>
          <div className="settings-bar-actions">
            <button type="button" className="button" disabled={!dirty || saving} onClick={revert}>
              Revert
            </button>
            <button type="button" className="button button-primary" disabled={saving || (!dirty && !changedElsewhere && problems.length === 0)} onClick={() => void save()}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </div>

        <div className="settings-layout">
          <nav className="settings-nav" aria-label="Settings sections">
            <ul>
              {SETTINGS_SECTIONS.map((section) => (
                <li key={section.id}>
                  <button type="button" className="settings-nav-link" onClick={() => scrollToSection(section.id)}>
                    <span>{section.title}</span>
                    {sectionCounts.get(section.id) ? (
                      <span className="settings-nav-count" aria-label={`${sectionCounts.get(section.id)} problems`}>
                        {sectionCounts.get(section.id)}
                      </span>
                    ) : null}
                  </button>
                </li>
              ))}
              <li>
                <button type="button" className="settings-nav-link" onClick={() => scrollToSection('settings-calendars')}>
                  Calendars
                </button>
              </li>
              <li>
                <button type="button" className="settings-nav-link" onClick={() => scrollToSection('settings-try')}>
                  Try a phrase
                </button>
              </li>
            </ul>
          </nav>

          <div className="settings-content">
            {changedElsewhere ? (
              <div className="notice notice-warn" role="status">
                These settings were saved elsewhere while you were editing. Saving now replaces that version; Revert loads it.
              </div>
            ) : null}
            {showSummary && !validation.ok ? (
              <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
                <p className="error-summary-title">Not saved: fix {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} first.</p>
                <ProblemList problems={problems} draft={draft} />
              </div>
            ) : null}
            {saveProblem ? (
              <div className="error-summary" role="alert">
                <p className="error-summary-title">The appliance did not save: {saveProblem.message}</p>
                {saveProblem.details.length ? (
                  <ul className="error-summary-list">
                    {saveProblem.details.map((line) => (
                      <li key={line}>
                        {line}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}

            <PracticeSection />
            <HoursSection />
            <ClosuresSection />
            <SpecialHoursSection />
            <ServicesSection />
            <ProvidersSection />
            <BookingPolicySection />
            <ReviewPolicySection />
            <FaqSection />
            {saved ? <CalendarsSection tenantId={tenantId} providers={saved.providers} /> : null}
            <TextsSection />
            <VoiceSection />
            <ReceptionistSection />
          </div>

          <aside className="settings-aside" id="settings-try">
            <TryPhrase tenantId={tenantId} config={saved} />
            <ReplayCheck tenantId={tenantId} draft={draft} valid={validation.ok} />
            <SetupLinks />
          </aside>
        </div>
      </div>
    </SettingsEditorProvider>
  );
}

function ProblemList({ problems, draft }: { problems: { path: string; message: string }[]; draft: Parameters<typeof describePath>[1] }) {
  return (
    <ul className="error-summary-list">
      {problems.map(({ path, message }) => (
        <li key={`${path}:${message}`}>
          <button type="button" className="link-button" onClick={() => focusField(path)}>
            {describePath(parsePath(path), draft)} {message}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Takes the person to the control of a problem, or the nearest thing that holds it. */
function focusField(path: string) {
  const segments = parsePath(path);
  for (let length = segments.length; length >= 0; length--) {
    const prefix = segments.slice(0, length);
    const element = document.getElementById(fieldId(prefix)) ?? document.getElementById(fieldId([...prefix, 0]));
    if (element) {
      element.scrollIntoView({ block: 'center' });
      const focusable = element.matches('input, select, textarea, button') ? element : element.querySelector<HTMLElement>('input, select, textarea, button');
      focusable?.focus();
      return;
    }
  }
  const section = sectionOf(segments);
  if (section) scrollToSection(section.id);
}

function scrollToSection(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'start' });
  // Keyboard users land where they asked to go: the section's first control.
  element.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
}
