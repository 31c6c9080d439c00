/**
 * The parts of `npm start` in the one order they stop, whatever stops them (Ctrl-C, SIGTERM, a start
 * that fails half-way): the storage watch first so nothing restarts what is being stopped, then the
 * API so no request reaches a store that is going away, then the playground (its add-on's own router),
 * then the local Sheets API, then DynamoDB
 * Local. One stated order, as firebase's emulator registry stops its emulators
 * (firebase-tools src/emulator/registry.ts, stopAll).
 */
export const STOP_ORDER = ['storage watch', 'API', 'playground', 'Sheets API', 'DynamoDB Local'] as const;

export type StackPart = (typeof STOP_ORDER)[number];

export class OrderedShutdown {
  private readonly stops = new Map<StackPart, () => Promise<void> | void>();
  private stopped: Promise<void> | undefined;

  /** Registers how to stop a part once it runs; a part never started is skipped. */
  register(part: StackPart, stop: () => Promise<void> | void): void {
    this.stops.set(part, stop);
  }

  get stopping(): boolean {
    return this.stopped !== undefined;
  }

  /** Stops every registered part in STOP_ORDER, once: later calls wait for the first. */
  stopAll(): Promise<void> {
    this.stopped ??= (async () => {
      for (const part of STOP_ORDER) await this.stops.get(part)?.();
    })();
    return this.stopped;
  }
}
