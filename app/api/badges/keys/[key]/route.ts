import { getKeyDocument } from '@/lib/badges/badges.server'
import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'

// The issuer's public key as a Multikey document (decision 050); any other key is 404.
export const dynamic = 'force-dynamic'

export const GET = route<'visitor', undefined, { key: string }>({
  access: 'visitor',
  run: async ({ params }) => {
    const document = await getKeyDocument(params.key)
    if (!document) throw new AppError(404, 'Kunci tidak ditemukan.')
    return Response.json(document, {
      headers: { 'Content-Type': 'application/ld+json', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
    })
  },
})
