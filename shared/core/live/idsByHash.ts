const EMPTY = -1;
const DELETED = -2;

/**
 * Ids by a non-negative 31-bit hash, several ids per hash: open addressing over typed arrays, so a
 * million entries are two arrays rather than a million map entries and their garbage.
 */
export class IdsByHash {
  private hashes: Int32Array;
  private ids: Float64Array;
  /** Entries plus deleted slots: the probing load. */
  private used = 0;
  private live = 0;

  constructor(expected = 0) {
    const capacity = slotsFor(expected);
    this.hashes = new Int32Array(capacity).fill(EMPTY);
    this.ids = new Float64Array(capacity);
  }

  add(hash: number, id: number): void {
    if ((this.used + 1) * 2 > this.hashes.length) this.rebuild();
    const mask = this.hashes.length - 1;
    let i = hash & mask;
    while (this.hashes[i] >= 0) i = (i + 1) & mask;
    if (this.hashes[i] === EMPTY) this.used++;
    this.hashes[i] = hash;
    this.ids[i] = id;
    this.live++;
  }

  remove(hash: number, id: number): void {
    const mask = this.hashes.length - 1;
    for (let i = hash & mask; this.hashes[i] !== EMPTY; i = (i + 1) & mask) {
      if (this.hashes[i] === hash && this.ids[i] === id) {
        this.hashes[i] = DELETED;
        this.live--;
        return;
      }
    }
  }

  /** Whether an id other than `id` has this hash. */
  hasOther(hash: number, id: number): boolean {
    const mask = this.hashes.length - 1;
    for (let i = hash & mask; this.hashes[i] !== EMPTY; i = (i + 1) & mask) if (this.hashes[i] === hash && this.ids[i] !== id) return true;
    return false;
  }

  /** The ids with this hash. */
  idsOf(hash: number): number[] {
    const out: number[] = [];
    const mask = this.hashes.length - 1;
    for (let i = hash & mask; this.hashes[i] !== EMPTY; i = (i + 1) & mask) if (this.hashes[i] === hash) out.push(this.ids[i]);
    return out;
  }

  private rebuild(): void {
    const { hashes, ids } = this;
    this.hashes = new Int32Array(slotsFor(this.live + 1)).fill(EMPTY);
    this.ids = new Float64Array(this.hashes.length);
    this.used = 0;
    this.live = 0;
    for (let i = 0; i < hashes.length; i++) if (hashes[i] >= 0) this.add(hashes[i], ids[i]);
  }
}

/** A power of two with room for `entries` at a load of at most one quarter, so that growth is rare. */
function slotsFor(entries: number): number {
  let n = 16;
  while (n < entries * 4) n *= 2;
  return n;
}
