/**
 * The line on which each event id of a file first appeared, to set aside a row that repeats an
 * id. A Map of a million id strings cost the reader more than any single field's parsing: every
 * new key was a young string stored into an old table, which each garbage collection had to
 * trace and promote. Here the ids' characters are copied into one growing array and found by an
 * open-addressing table of numbers, so nothing is allocated per id.
 */
export class FirstLines {
  /** Entry index by hash slot, -1 when empty; kept at most half full. */
  private slots = new Int32Array(1 << 16).fill(-1);
  /** Per entry: the id's hash, where its characters start in `chars`, its length and its line. */
  private hashes = new Int32Array(1 << 15);
  private starts = new Float64Array(1 << 15);
  private lengths = new Int32Array(1 << 15);
  private lines = new Float64Array(1 << 15);
  private chars = new Uint16Array(1 << 18);
  private used = 0;
  private count = 0;

  /** The line `id` was first seen on; or, when it is new, -1 after noting it at `line`. */
  firstOrAdd(id: string, line: number): number {
    const n = id.length;
    let h = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (;;) {
      const e = this.slots[s];
      if (e === -1) break;
      if (this.hashes[e] === h && this.lengths[e] === n && this.same(e, id)) return this.lines[e];
      s = (s + 1) & mask;
    }
    const e = this.count++;
    if (e === this.hashes.length) this.growEntries();
    if (this.used + n > this.chars.length) {
      const c = new Uint16Array(Math.max(this.chars.length * 2, this.used + n));
      c.set(this.chars.subarray(0, this.used));
      this.chars = c;
    }
    const chars = this.chars;
    for (let i = 0; i < n; i++) chars[this.used + i] = id.charCodeAt(i);
    this.hashes[e] = h;
    this.starts[e] = this.used;
    this.lengths[e] = n;
    this.lines[e] = line;
    this.used += n;
    this.slots[s] = e;
    if (this.count * 2 > this.slots.length) this.rehash();
    return -1;
  }

  private same(e: number, id: string): boolean {
    const start = this.starts[e];
    const chars = this.chars;
    for (let i = 0; i < id.length; i++) if (chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes, (k) => new Int32Array(k));
    this.starts = grow(this.starts, (k) => new Float64Array(k));
    this.lengths = grow(this.lengths, (k) => new Int32Array(k));
    this.lines = grow(this.lines, (k) => new Float64Array(k));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let s = this.hashes[e] & mask;
      while (slots[s] !== -1) s = (s + 1) & mask;
      slots[s] = e;
    }
    this.slots = slots;
  }
}
