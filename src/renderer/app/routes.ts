import type { ComponentType } from 'react';
import { OverviewScreen } from '../features/overview/overview-screen.js';

export interface Route {
  /** The hash path: `#/overview`. */
  readonly path: string;
  /** The navigation label and the page title. */
  readonly label: string;
  readonly Screen: ComponentType;
}

/** Every screen of the console, in navigation order; the first one is the home screen. */
export const ROUTES = [{ path: 'overview', label: 'Overview', Screen: OverviewScreen }] as const satisfies readonly Route[];

export const HOME_ROUTE: Route = ROUTES[0];

export function routeForHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return ROUTES.find((route) => route.path === path) ?? HOME_ROUTE;
}

export function hrefFor(route: Route): string {
  return `#/${route.path}`;
}
