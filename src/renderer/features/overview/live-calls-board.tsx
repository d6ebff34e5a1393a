import { EmptyState } from '../../components/empty-state.js';
import { LiveCallsPanel } from '../calls/live-calls-panel.js';
import { useLiveCalls } from '../calls/use-live-calls.js';

/**
 * Every call in progress, live: who is calling, how long, what they want, who has the call, and
 * the last thing said. A call opens on the Calls screen with its whole transcript.
 */
export function LiveCallsBoard() {
  return (
    <LiveCallsPanel
      live={useLiveCalls()}
      className="live-calls"
      showLastLine
      empty={
        <EmptyState icon={<PhoneIcon />} title="No calls right now">
          When someone calls one of your practice numbers, the call appears here with a live transcript.
        </EmptyState>
      }
    />
  );
}

function PhoneIcon() {
  return (
    <svg viewBox="0 0 24 24" width="40" height="40" focusable="false">
      <path
        d="M6.6 3.6c.6-.6 1.6-.6 2.1.1l2.2 2.7c.5.6.4 1.4-.1 2l-1.3 1.4c.9 2 2.5 3.6 4.5 4.5l1.4-1.3c.6-.5 1.4-.6 2-.1l2.7 2.2c.7.5.7 1.5.1 2.1l-1.4 1.4c-.9.9-2.2 1.2-3.4.8-4.8-1.7-8.6-5.5-10.3-10.3-.4-1.2-.1-2.5.8-3.4l.7-.1Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}
