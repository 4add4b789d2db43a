import { z } from 'zod'

/**
 * A read-model row key in a URL (the people list's "setelah"/"sebelum" parameters): base64url
 * of JSON, checked with zod on the way back. A key only says where a page starts; it grants
 * nothing (every query is still scoped by the officer's agency), so it is not signed.
 */
const rowKeySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(400).optional(),
})

export type UrlRowKey = z.infer<typeof rowKeySchema>

export function encodeRowKey(key: UrlRowKey): string {
  return Buffer.from(JSON.stringify(key.name === undefined ? { id: key.id } : { id: key.id, name: key.name }), 'utf8').toString('base64url')
}

/** The key in `value`, or undefined when it is missing or not a key we made. */
export function decodeRowKey(value: string | undefined | null): UrlRowKey | undefined {
  if (!value || value.length > 1200) return undefined
  try {
    const parsed = rowKeySchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
