import { expect, type Page } from '@playwright/test';
import { runCli } from '../../support/run-cli.js';

/** Adds a person with the real `frontdesk staff add`, the password on standard input. */
export async function addStaff(dataDir: string, name: string, role: 'owner' | 'desk', password: string, practices?: string[]): Promise<void> {
  const args = ['staff', 'add', '--name', name, '--role', role, ...(practices ? ['--practices', practices.join(',')] : [])];
  const result = await runCli(args, { FRONTDESK_DATA_DIR: dataDir }, `${password}\n`);
  if (result.code !== 0) throw new Error(`staff add ${name} failed: ${result.stderr}`);
}

/** Opens the console on a screen and signs in through the form, the way a person does. */
export async function signIn(page: Page, consoleUrl: string, name: string, password: string, path = 'overview'): Promise<void> {
  await page.goto(`${consoleUrl}#/${path}`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(name);
  await expect(page.getByRole('banner').locator('.connection-pill')).toHaveText(/Connected/);
}
