import { Notification } from 'electron';
import type { App } from '../app/index.js';
import { createReviewAlerts } from './review-alerts.js';

/** Raises a native notification when a booking lands in the review queue; clicking shows the console. */
export function notifyOnReview(core: Pick<App, 'subscribe'>, options: { practiceName: (tenantId: string) => string | null; onClick: () => void }): () => void {
  const decide = createReviewAlerts(options.practiceName);
  return core.subscribe((event) => {
    const alert = decide(event);
    if (!alert || !Notification.isSupported()) return;
    const notification = new Notification({ title: alert.title, body: alert.body });
    notification.on('click', options.onClick);
    notification.show();
  });
}
