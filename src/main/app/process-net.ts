import type { Logger } from '../core/kernel/index.js';

/**
 * The last net under every handler: a promise rejection nobody handled, or an exception thrown
 * from a timer or event callback, is logged and the appliance keeps answering calls. Each
 * listener already catches per request; this is for what a future bug lets slip past them,
 * because a stopped appliance answers no call at all.
 */
export function installProcessNet(logger: Logger, target: NodeJS.Process = process): () => void {
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection; still serving');
  const onException = (error: Error, origin: string) => logger.error({ err: error, origin }, 'uncaught exception; still serving');
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
