import type { ActionArgs, ActionName, ActionResult, ActionRouter } from './types.js';

export interface TurnActionsOptions {
  /** Cancelled when the turn is abandoned. */
  signal: AbortSignal;
  /** Gives a slot held by an abandoned turn back (its state, which knew the hold, is thrown away). */
  releaseHold: (tenantId: string, holdId: string) => Promise<void>;
  /** Told when an action starts and ends, e.g. to say a filler while a slow one runs. */
  onAction?: (name: ActionName, phase: 'start' | 'end') => void;
  onReleaseFailed?: (error: unknown, holdId: string) => void;
}

/**
 * The action router as one turn sees it: every action carries the turn's signal, so once the turn
 * is abandoned nothing more is done for it, and a slot it held is released — immediately when the
 * hold completes after the abandonment, or through `abandon()` when the turn is dropped before
 * its state (which remembers the hold) is kept.
 */
export class TurnActions implements ActionRouter {
  private readonly holds: { tenantId: string; holdId: string }[] = [];

  constructor(
    private readonly router: ActionRouter,
    private readonly options: TurnActionsOptions,
  ) {}

  async run<N extends ActionName>(name: N, args: ActionArgs<N>, context: Parameters<ActionRouter['run']>[2]): Promise<ActionResult<N>> {
    const { signal } = this.options;
    this.options.onAction?.(name, 'start');
    let result: ActionResult<N>;
    try {
      result = await this.router.run(name, args, { ...context, signal });
    } finally {
      this.options.onAction?.(name, 'end');
    }
    if (name === 'hold_slot' && result.ok) {
      const hold = { tenantId: context.tenant.id, holdId: (result.data as { holdId: string }).holdId };
      if (signal.aborted) await this.release(hold);
      else this.holds.push(hold);
    }
    return result;
  }

  /** The turn was dropped before its state was kept: the holds it took are nobody's now. */
  async abandon(): Promise<void> {
    const holds = this.holds.splice(0);
    await Promise.all(holds.map((hold) => this.release(hold)));
  }

  private async release(hold: { tenantId: string; holdId: string }): Promise<void> {
    try {
      await this.options.releaseHold(hold.tenantId, hold.holdId);
    } catch (error) {
      // The hold expires on its own after holdMinutes; the caller's call goes on either way.
      this.options.onReleaseFailed?.(error, hold.holdId);
    }
  }
}
