/** Requests per API method name ("spreadsheets.batchUpdate"...), so tests and benches count calls. */
export class RequestCounter {
  private counts: Record<string, number> = {};

  count(method: string): void {
    this.counts[method] = (this.counts[method] ?? 0) + 1;
  }

  snapshot(): Record<string, number> {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = {};
  }
}
