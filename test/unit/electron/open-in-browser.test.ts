import { describe, expect, it } from 'vitest';
import { createBrowserOpener } from '../../../src/main/electron/open-in-browser.js';

/** Stands in for Electron's shell.openExternal (the binary cannot run here): records what it was asked to open. */
function recordingShell(fail?: Error) {
  const opened: string[] = [];
  const openExternal = async (url: string) => {
    if (fail) throw fail;
    opened.push(url);
  };
  return { opened, openExternal };
}

describe('createBrowserOpener (calendar sign-ins in the system browser)', () => {
  const consent = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&redirect_uri=http%3A%2F%2F127.0.0.1%3A53100%2F';

  it('hands a sign-in page to the system browser and says so', async () => {
    const shell = recordingShell();
    const logs: string[] = [];
    expect(await createBrowserOpener(shell.openExternal, (m) => logs.push(m))(consent)).toBe(true);
    expect(shell.opened).toEqual([consent]);
    expect(logs).toEqual([]);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@accounts.google.com/', 'not a url', 'smb://server/share'])('refuses %s without asking the shell', async (url) => {
    const shell = recordingShell();
    const logs: string[] = [];
    expect(await createBrowserOpener(shell.openExternal, (m) => logs.push(m))(url)).toBe(false);
    expect(shell.opened).toEqual([]);
    expect(logs).toEqual([expect.stringMatching(/refused/)]);
  });

  it('answers false (the console then shows the link) when no browser could be opened, logging why without the link', async () => {
    const shell = recordingShell(new Error('No application found to open URL'));
    const logs: string[] = [];
    expect(await createBrowserOpener(shell.openExternal, (m) => logs.push(m))(consent)).toBe(false);
    expect(logs).toEqual([expect.stringMatching(/could not open the system browser.*No application/)]);
    expect(logs[0]).not.toContain('client_id');
  });
});
