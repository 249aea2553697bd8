// The scheme and host a client used to reach the service: absolute URLs in answers (JSON-LD ids, embed and oEmbed
// links) name it, so the cache keys on it too.
export const origin = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`
