export type { App, AppConfig, CommandContext, LogLevel, StartedApp } from './app-types.js';
export { loadConfig, PATHS, SETTINGS } from './config.js';
export { createApp, type AppDeps } from './create-app.js';
export { createCore, type Core } from './create-core.js';
