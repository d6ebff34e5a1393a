import type { ComponentType } from 'react';
import { CallsScreen } from '../features/calls/calls-screen.js';
import { InboxScreen } from '../features/inbox/inbox-screen.js';
import { MessagesScreen } from '../features/messages/messages-screen.js';
import { OverviewScreen } from '../features/overview/overview-screen.js';
import { PeopleScreen } from '../features/people/people-screen.js';
import { RehearsalScreen } from '../features/rehearsal/rehearsal-screen.js';
import { ReviewScreen } from '../features/review/review-screen.js';
import { ScheduleScreen } from '../features/schedule/schedule-screen.js';
import { SettingsScreen } from '../features/settings/settings-screen.js';
import { SetupScreen } from '../features/setup/setup-screen.js';

export interface Route {
  /** The hash path: `#/overview`. */
  readonly path: string;
  /** The navigation label and the page title. */
  readonly label: string;
  readonly Screen: ComponentType;
  /** Shown in the navigation to owners only (the appliance refuses its commands to others anyway). */
  readonly ownerOnly?: boolean;
}

/** Every screen of the console, in navigation order; the first one is the home screen. */
export const ROUTES = [
  { path: 'overview', label: 'Overview', Screen: OverviewScreen },
  { path: 'calls', label: 'Calls', Screen: CallsScreen },
  { path: 'review', label: 'Review', Screen: ReviewScreen },
  { path: 'schedule', label: 'Schedule', Screen: ScheduleScreen },
  { path: 'messages', label: 'Messages', Screen: MessagesScreen },
  { path: 'inbox', label: 'Inbox', Screen: InboxScreen },
  { path: 'rehearsal', label: 'Rehearsal', Screen: RehearsalScreen },
  { path: 'settings', label: 'Settings', Screen: SettingsScreen },
  { path: 'setup', label: 'Setup', Screen: SetupScreen },
  { path: 'people', label: 'People', Screen: PeopleScreen, ownerOnly: true },
] as const satisfies readonly Route[];

export const HOME_ROUTE: Route = ROUTES[0];

/** Screens whose lists can span every practice; the others show one practice at a time. */
export const LIST_SCREENS: ReadonlySet<string> = new Set(['overview', 'calls', 'review', 'messages']);

export function routeForHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return ROUTES.find((route) => route.path === path) ?? HOME_ROUTE;
}

export function hrefFor(route: Route): string {
  return `#/${route.path}`;
}

/** The part of the hash after the screen: `#/calls/abc` → `abc` (a selected item). */
export function subPathOf(hash: string): string | null {
  const rest = hash.replace(/^#\/?/, '').split('/').slice(1).join('/');
  return rest ? decodeURIComponent(rest) : null;
}
