import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CallSummaryDto } from '../../../shared/contract/calls.js';
import { useDeskStore } from '../../app/desk-store.js';
import { formatPhoneNumber } from '../overview/format.js';
import { normalizePhoneInput } from './call-format.js';
import type { DeskCommand } from './call-detail-store.js';
import { useTransferNumber } from './use-transfer-number.js';

export interface TakeoverActions {
  transfer(staffName: string, to?: string): Promise<boolean>;
  takeOver(staffName: string): Promise<boolean>;
  say(staffName: string, text: string): Promise<boolean>;
  handBack(staffName: string): Promise<boolean>;
  clearCommandError(): void;
}

const PENDING_LABELS: Record<DeskCommand, string> = {
  transfer: 'Transferring…',
  'take-over': 'Taking over…',
  say: 'Sending…',
  'hand-back': 'Handing back…',
};

/**
 * The desk's two ways into a live call: put it through to a phone (transfer), or type to the
 * caller while the receptionist waits (take over → say → hand back). Every command is recorded
 * under the signed-in person.
 */
export function TakeoverControls({
  call,
  pending,
  commandError,
  actions,
}: {
  call: CallSummaryDto;
  pending: DeskCommand | null;
  commandError: string | null;
  actions: TakeoverActions;
}) {
  const staffName = useDeskStore((s) => s.staffName);
  const [line, setLine] = useState('');
  const [otherNumber, setOtherNumber] = useState('');
  const [numberError, setNumberError] = useState<string | null>(null);
  const lineInput = useRef<HTMLInputElement>(null);
  const takeOverButton = useRef<HTMLButtonElement>(null);
  const lineId = useId();
  const otherId = useId();
  const numberErrorId = useId();
  const transferNumber = useTransferNumber(call.tenantId);
  const staffHasIt = call.mode === 'staff';
  const transferred = call.outcome === 'transferred';
  const busy = pending !== null;

  // Whoever takes the call over types next; whoever hands it back may take it again. The mode
  // can change (by event) before the command answers, while the controls are still disabled, so
  // focus moves once they are enabled.
  const previousMode = useRef(call.mode);
  const focusPending = useRef(false);
  useEffect(() => {
    if (previousMode.current !== call.mode) {
      previousMode.current = call.mode;
      focusPending.current = true;
    }
    if (!focusPending.current || busy) return;
    focusPending.current = false;
    if (call.mode === 'staff') lineInput.current?.focus();
    else takeOverButton.current?.focus();
  }, [call.mode, busy]);

  /** Runs `run` as the signed-in person (the appliance records the session's name in any case). */
  const withName = (run: (name: string) => Promise<unknown>) => void run(staffName);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = line.trim();
    if (!text || busy) return;
    withName(async (name) => {
      if (await actions.say(name, text)) setLine('');
      lineInput.current?.focus();
    });
  };

  const transferToOther = (event: FormEvent) => {
    event.preventDefault();
    const to = normalizePhoneInput(otherNumber);
    if (!to) {
      setNumberError('Enter a phone number such as +1 555 555 0100.');
      return;
    }
    setNumberError(null);
    withName(async (name) => {
      if (await actions.transfer(name, to)) setOtherNumber('');
    });
  };

  const transferElsewhere = (
    <form className="transfer-other" onSubmit={transferToOther}>
      <label htmlFor={otherId}>Or transfer to</label>
      <input
        id={otherId}
        className="text-input phone-input"
        type="tel"
        value={otherNumber}
        placeholder="+1 555 555 0100"
        autoComplete="off"
        aria-invalid={numberError ? true : undefined}
        aria-describedby={numberError ? numberErrorId : undefined}
        onChange={(event) => {
          setOtherNumber(event.target.value);
          setNumberError(null);
        }}
        disabled={busy}
      />
      <button type="submit" className="button" disabled={busy || !otherNumber.trim()}>
        Transfer
      </button>
      {numberError ? (
        <span id={numberErrorId} className="input-error">
          {numberError}
        </span>
      ) : null}
    </form>
  );

  if (transferred) {
    return (
      <div className="takeover takeover-done" role="status">
        <p>
          <strong>Transferred.</strong> The caller is being put through to the desk phone; the receptionist is no longer on the call.
        </p>
      </div>
    );
  }

  return (
    <section className="takeover" aria-label="Take over this call">
      {staffHasIt ? (
        <>
          <p className="takeover-note">
            <strong>You have this call.</strong> The caller hears each line you send, read aloud. The receptionist waits until you hand it back.
          </p>
          <form className="say-form" onSubmit={send}>
            <label htmlFor={lineId} className="visually-hidden">
              Say to the caller
            </label>
            <input
              ref={lineInput}
              id={lineId}
              className="text-input say-input"
              type="text"
              value={line}
              maxLength={500}
              placeholder="Type what to say to the caller, then press Enter"
              autoComplete="off"
              onChange={(event) => setLine(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setLine('');
              }}
              disabled={busy && pending !== 'say'}
              readOnly={pending === 'say'}
            />
            <button type="submit" className="button button-primary" disabled={busy || !line.trim()}>
              {pending === 'say' ? PENDING_LABELS.say : 'Send'}
            </button>
          </form>
          <div className="takeover-actions">
            <button type="button" className="button" disabled={busy} onClick={() => withName((name) => actions.handBack(name))}>
              {pending === 'hand-back' ? PENDING_LABELS['hand-back'] : 'Hand back to the receptionist'}
            </button>
            <TransferButton number={transferNumber.number} busy={busy} pending={pending} onTransfer={() => withName((name) => actions.transfer(name))} />
            {transferElsewhere}
          </div>
        </>
      ) : (
        <div className="takeover-actions">
          <button ref={takeOverButton} type="button" className="button button-primary" disabled={busy} onClick={() => withName((name) => actions.takeOver(name))}>
            {pending === 'take-over' ? PENDING_LABELS['take-over'] : 'Type to the caller'}
          </button>
          <TransferButton number={transferNumber.number} busy={busy} pending={pending} onTransfer={() => withName((name) => actions.transfer(name))} />
          {transferElsewhere}
        </div>
      )}

      {commandError ? (
        <div className="command-error" role="alert">
          <span>{commandError}</span>
          <button type="button" className="link-button" onClick={actions.clearCommandError}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}

function TransferButton({ number, busy, pending, onTransfer }: { number: string | null; busy: boolean; pending: DeskCommand | null; onTransfer: () => void }) {
  return (
    <button type="button" className="button" disabled={busy} onClick={onTransfer} title={number ? `Dials ${formatPhoneNumber(number)}` : undefined}>
      {pending === 'transfer' ? PENDING_LABELS.transfer : 'Transfer to the desk'}
      {number && pending !== 'transfer' ? (
        <>
          {' '}
          <span className="button-detail">{formatPhoneNumber(number)}</span>
        </>
      ) : null}
    </button>
  );
}
