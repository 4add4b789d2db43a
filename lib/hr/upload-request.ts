import { AppError } from '@/lib/errors/app-error'

/** Roster uploads larger than this are refused before they are read. */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024

/**
 * An uploaded file sent as the raw request body (the browser sends the File itself), with its
 * name in X-File-Name. Streams: the body is not buffered here.
 */
export function uploadFromRequest(request: Request): { body: AsyncIterable<Uint8Array>; fileName: string } {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_ROSTER_BYTES) {
    throw new AppError(413, `Berkas lebih dari 10 MB (${Math.round(declared / 1024 / 1024)} MB). Bagi daftar menjadi beberapa berkas.`)
  }
  if (!request.body) throw new AppError(400, 'Pilih berkas CSV atau XLSX untuk diunggah.')
  let fileName = 'daftar-pegawai'
  try {
    fileName = decodeURIComponent(request.headers.get('x-file-name') ?? fileName).slice(0, 200)
  } catch {
    // keep the default name
  }
  return { body: request.body as unknown as AsyncIterable<Uint8Array>, fileName }
}
