/** What every template returns: a subject and both parts, rendered in Bahasa Indonesia. */
export type RenderedMail = { subject: string; text: string; html: string }

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!)
}

/** An absolute link on the public site (PUBLIC_BASE_URL), with query parameters. */
export function publicLink(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  // Relative to the base, so a base path (https://x.go.id/bijak) is kept.
  const url = new URL(path.replace(/^\/+/, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  return url.toString()
}

export const SITE_NAME = 'Bijak Bermedia Sosial'

/**
 * The HTML frame shared by every message: plain, inline styles only (mail clients drop style
 * sheets), readable without images. `paragraphs` and `footer` are already-escaped HTML.
 */
export function htmlFrame(options: { title: string; paragraphs: string[]; button?: { label: string; href: string }; footer: string }): string {
  const button = options.button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(options.button.href)}" style="background:#0b5394;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(options.button.label)}</a></p>`
    : ''
  return [
    '<!doctype html>',
    '<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(options.title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    `<p style="margin:0 0 16px;font-weight:bold;color:#0b5394">${SITE_NAME}</p>`,
    ...options.paragraphs.map((paragraph) => `<p>${paragraph}</p>`),
    button,
    `<p style="font-size:13px;color:#52606d">${options.footer}</p>`,
    '</div></body></html>',
  ].join('\n')
}
