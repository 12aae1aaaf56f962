const EMPTY = -1;
const DELETED = -2;

/**
 * Ids by a non-negative 31-bit hash, several ids per hash: open addressing over one typed array of
 * [hash, id] pairs, so a million entries are one array rather than a million map entries and their
 * garbage, and a probe touches one cache line. Pairs are Int32 while every id fits (line ids do), and
 * Float64 once one does not.
 */
export class IdsByHash {
  private slots: Int32Array | Float64Array;
  private mask: number;
  /** Entries plus deleted slots: the probing load. */
  private used = 0;
  private live = 0;

  constructor(expected = 0) {
    this.slots = emptySlots(expected);
    this.mask = this.slots.length / 2 - 1;
  }

  add(hash: number, id: number): void {
    if ((id | 0) !== id && this.slots instanceof Int32Array) this.rebuild(this.live + 1, true);
    if ((this.used + 1) * 2 > this.mask + 1) this.rebuild();
    let i = hash & this.mask;
    while (this.slots[2 * i] >= 0) i = (i + 1) & this.mask;
    if (this.slots[2 * i] === EMPTY) this.used++;
    this.slots[2 * i] = hash;
    this.slots[2 * i + 1] = id;
    this.live++;
  }

  remove(hash: number, id: number): void {
    for (let i = hash & this.mask; this.slots[2 * i] !== EMPTY; i = (i + 1) & this.mask) {
      if (this.slots[2 * i] === hash && this.slots[2 * i + 1] === id) {
        this.slots[2 * i] = DELETED;
        this.live--;
        return;
      }
    }
  }

  /** Whether an id other than `id` has this hash. */
  hasOther(hash: number, id: number): boolean {
    for (let i = hash & this.mask; this.slots[2 * i] !== EMPTY; i = (i + 1) & this.mask) if (this.slots[2 * i] === hash && this.slots[2 * i + 1] !== id) return true;
    return false;
  }

  /** The ids with this hash. */
  idsOf(hash: number): number[] {
    const out: number[] = [];
    for (let i = hash & this.mask; this.slots[2 * i] !== EMPTY; i = (i + 1) & this.mask) if (this.slots[2 * i] === hash) out.push(this.slots[2 * i + 1]);
    return out;
  }

  private rebuild(entries = this.live + 1, wide = this.slots instanceof Float64Array): void {
    const old = this.slots;
    this.slots = emptySlots(entries, wide);
    this.mask = this.slots.length / 2 - 1;
    this.used = 0;
    this.live = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] >= 0) this.add(old[i], old[i + 1]);
  }
}

/** Pairs for a power-of-two number of slots, with room for `entries` at a load of at most one third. */
function emptySlots(entries: number, wide = false): Int32Array | Float64Array {
  let n = 16;
  while (n < entries * 3) n *= 2;
  return (wide ? new Float64Array(2 * n) : new Int32Array(2 * n)).fill(EMPTY);
}
