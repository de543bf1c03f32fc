// Answers kept for one graph version: asking with another version empties the cache first, so an
// answer never outlives a write. Requests that ask for the same key while it is being computed
// share the one computation; a failed one is forgotten. At most `capacity` keys, least recently
// used first out.
export class VersionedCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(readonly capacity: number) {}

  get<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key) as Promise<T> | undefined;
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const promise = compute();
    this.entries.set(key, promise);
    promise.catch(() => {
      if (this.entries.get(key) === promise) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return promise;
  }

  /** Keys held now, oldest first (for tests). */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}
