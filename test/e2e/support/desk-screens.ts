import { expect, type Page } from '@playwright/test';

/** Opens one console screen by its hash route and waits until it is connected and titled. */
export async function openDeskScreen(page: Page, consoleUrl: string, path: 'review' | 'schedule' | 'settings') {
  const url = new URL(consoleUrl);
  url.hash = `#/${path}`;
  await page.goto(url.toString());
  await expect(page.getByRole('banner').locator('.connection-pill')).toHaveText(/Connected/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(path[0]!.toUpperCase() + path.slice(1));
}

/**
 * Controls a screen reader could not name: form fields without a label (or aria-label /
 * aria-labelledby), buttons and links without text or aria-label.
 */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])'))
      .filter((element) => {
        if (element.getAttribute('aria-label')?.trim() || element.getAttribute('aria-labelledby')) return false;
        if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) {
          return !(element.labels && element.labels.length > 0 && Array.from(element.labels).some((label) => label.textContent?.trim()));
        }
        return !element.textContent?.trim();
      })
      .map((element) => element.outerHTML.slice(0, 200)),
  );
}
