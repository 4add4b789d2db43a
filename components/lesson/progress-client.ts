import type { progressBody } from '@/lib/progress/pending-saves'

/**
 * POSTs a lesson's state to the progress API. With `keepalive` the request outlives the page
 * (sent when the page is hidden or left: issue 11 §1); its body is far below keepalive's 64 kB.
 */
export function postProgress(slug: string, body: ReturnType<typeof progressBody>, keepalive = false): Promise<Response> {
  return fetch(`/api/progress/${slug}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    keepalive,
  })
}
