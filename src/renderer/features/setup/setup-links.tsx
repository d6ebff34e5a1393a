import { Panel } from '../../components/panel.js';
import { SETUP_STEPS } from './setup-checks.js';
import { setupHref } from './setup-screen.js';

/** Settings' way back into any step of the first-run wizard. */
export function SetupLinks() {
  return (
    <Panel title="Phone and reachability" className="setup-links">
      <p className="muted">Twilio account, the practice's number, the tunnel and the keys. Each step checks itself.</p>
      <ul className="item-list">
        {SETUP_STEPS.map((step) => (
          <li key={step.id}>
            <a href={setupHref(step.id)}>{step.title}</a>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
