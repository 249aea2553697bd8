// The best k of n scored documents, in order, without sorting all n: a common word matches thousands of records on a
// large dataset, and a page shows twenty.

/**
 * `docs` ordered best first: higher score first, and among equal scores the lower document number (index order)
 * first, so that equal scores always come out in the same order. Only the first `k` are returned; with k ≥ n it
 * is a full sort.
 */
export function bestFirst (docs: ArrayLike<number>, scores: Float64Array, k: number): Int32Array {
  const n = docs.length
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b)
  if (k >= n) return Int32Array.from(docs).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
  if (k <= 0) return new Int32Array(0)
  // A heap of the k best seen so far, the worst of them at the root: each further document either loses to the
  // root or replaces it (n log k instead of n log n).
  const heap = new Int32Array(k)
  let size = 0
  const siftDown = (from: number) => {
    let at = from
    for (;;) {
      const left = 2 * at + 1
      if (left >= size) return
      const right = left + 1
      const worse = right < size && better(heap[left], heap[right]) ? right : left
      if (!better(heap[at], heap[worse])) return
      const swap = heap[at]; heap[at] = heap[worse]; heap[worse] = swap
      at = worse
    }
  }
  for (let i = 0; i < n; i++) {
    const doc = docs[i]
    if (size < k) {
      let at = size++
      heap[at] = doc
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!better(heap[parent], heap[at])) break
        const swap = heap[at]; heap[at] = heap[parent]; heap[parent] = swap
        at = parent
      }
    } else if (better(doc, heap[0])) {
      heap[0] = doc
      siftDown(0)
    }
  }
  // Taking the worst off the root k times leaves them worst first; filled from the end, the array reads best first.
  const ordered = new Int32Array(size)
  for (let last = size - 1; last >= 0; last--) {
    ordered[last] = heap[0]
    heap[0] = heap[--size]
    siftDown(0)
  }
  return ordered
}
