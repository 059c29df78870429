/**
 * Answers kept in server memory while the data they were made from is unchanged (ADR 0009). Each
 * entry carries the generation read before its data was queried (so it is never newer than what it
 * holds), and is used only by a request that read the same generation with its session. Bounded by
 * the characters held; the least recently used entries go first.
 */
export interface ReadCache<V> {
  get(key: string, generation: number): V | undefined;
  set(key: string, generation: number, value: V, chars: number): void;
  /** Entries and characters held, for tests and the bench. */
  size(): { entries: number; chars: number };
}

export function createReadCache<V>(opts: { maxChars: number }): ReadCache<V> {
  const entries = new Map<string, { generation: number; value: V; chars: number }>();
  let chars = 0;
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    chars -= e.chars;
  };
  return {
    get(key, generation) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.generation !== generation) {
        // Older than the request's generation: never again useful (generations only grow).
        if (e.generation < generation) drop(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, e);
      return e.value;
    },
    set(key, generation, value, size) {
      if (size > opts.maxChars) return;
      const old = entries.get(key);
      if (old && old.generation > generation) return;
      drop(key);
      entries.set(key, { generation, value, chars: size });
      chars += size;
      for (const k of entries.keys()) {
        if (chars <= opts.maxChars) break;
        drop(k);
      }
    },
    size: () => ({ entries: entries.size, chars }),
  };
}
