// The list envelope and its RFC 8288 Link header, the same for every collection.

export interface Page<T> { data: T[]; total: number; limit: number; offset: number }

export function paginate<T> (items: readonly T[], limit: number, offset: number): Page<T> {
  return { data: items.slice(offset, offset + limit), total: items.length, limit, offset }
}

/** first/prev/next/last links that keep every other query parameter as the client sent it. */
export function linkHeader (path: string, query: Record<string, unknown>, total: number, limit: number, offset: number): string {
  const link = (rel: string, at: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (key === 'offset' || key === 'limit' || value === undefined) continue
      params.set(key, String(value))
    }
    params.set('limit', String(limit))
    params.set('offset', String(at))
    return `<${path}?${params.toString()}>; rel="${rel}"`
  }
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit
  const links = [link('first', 0)]
  if (offset > 0) links.push(link('prev', Math.max(0, Math.min(offset - limit, lastOffset))))
  if (offset + limit < total) links.push(link('next', offset + limit))
  links.push(link('last', lastOffset))
  return links.join(', ')
}
