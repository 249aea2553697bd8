// Which records each exact phrase (an id, a name, an alias) names. At 100× the data that is some 77,000 phrases,
// nearly all naming one record: an array per phrase cost about 120 bytes each (some 9 MB), so a phrase that names
// one record maps to its number, and only the few shared phrases have a list.

export class PhraseIndex {
  /** A document number (≥ 0), or −(1 + i) for the i-th list in `shared`. */
  private readonly named = new Map<string, number>()
  private readonly shared: number[][] = []

  get size (): number { return this.named.size }

  /** Documents are added in ascending order; adding one twice to a phrase keeps it once. */
  add (phrase: string, doc: number): void {
    const at = this.named.get(phrase)
    if (at === undefined) {
      this.named.set(phrase, doc)
    } else if (at >= 0) {
      if (at !== doc) this.named.set(phrase, -this.shared.push([at, doc]))
    } else {
      const docs = this.shared[-at - 1]
      if (docs[docs.length - 1] !== doc) docs.push(doc)
    }
  }

  /** The documents the phrase names, ascending, or undefined. */
  get (phrase: string): readonly number[] | undefined {
    const at = this.named.get(phrase)
    return at === undefined ? undefined : at >= 0 ? [at] : this.shared[-at - 1]
  }
}
