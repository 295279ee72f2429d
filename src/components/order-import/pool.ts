/**
 * Runs async work over a list with at most `limit` tasks at once, in order of the list; stops
 * starting new tasks when `signal` aborts (tasks already running finish).
 */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
