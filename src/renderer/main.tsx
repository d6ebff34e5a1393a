// Must stay the first import: it configures zod before any contract schema is built.
import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createConsoleClient } from './api/create-console-client.js';
import { App } from './app/app.js';
import { readSessionToken } from './app/session-token.js';
import './styles/base.css';
import './styles/components.css';
import './styles/overview.css';
import './styles/desk.css';
import './styles/transcript.css';
import './styles/calls.css';
import './styles/messages.css';
import './styles/inbox.css';
import './styles/rehearsal.css';
import './styles/forms.css';
import './styles/review.css';
import './styles/schedule.css';
import './styles/schedule-visits.css';
import './styles/settings.css';
import './styles/setup.css';
import './styles/session.css';
import './styles/people.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const client = createConsoleClient(window, { session: readSessionToken });

createRoot(container).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
