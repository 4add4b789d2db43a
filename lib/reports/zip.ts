/**
 * Streaming ZIP (archiver): entries are pulled from an async iterable one at a time, each
 * appended only after the previous one is in the archive and the output has room, so memory
 * holds about one entry plus stream buffers whatever the entry count. Entries are stored, not
 * deflated, by default: PDFs are already compressed.
 *
 * Names are made safe (no absolute paths, no `..`, no characters Windows refuses) and unique:
 * a second `a.pdf` becomes `a (2).pdf` (compared case-insensitively, as Windows and macOS
 * file systems do).
 *
 * What does grow with the entry count: archiver keeps a record per entry for the central
 * directory written at the end, plus our set of names — about 1.1 KB per entry measured
 * (~110 MB for 100,000 certificates). ZIP64 is used automatically past 65,535 entries or 4 GB.
 */

import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { drainOrClose } from './backpressure'

export interface ZipEntry {
  /** Path inside the archive, `/`-separated. */
  name: string
  /** The bytes, or a function that produces them when the entry's turn comes (lazy). */
  data: Uint8Array | (() => Promise<Uint8Array>)
  /** Modification time shown by unzip tools; now when absent. */
  date?: Date
}

export interface StreamZipOptions {
  /** `store` (default; fastest, right for PDFs) or `deflate` at a low level. */
  compression?: 'store' | 'deflate'
}

export interface StreamZipResult {
  entries: number
  /** Bytes of the archive written. */
  bytes: number
}

const FALLBACK_NAME = 'file'

/**
 * A safe relative path for a ZIP entry: backslashes become `/`, empty, `.` and `..` segments
 * are dropped (no zip-slip), characters Windows refuses and control characters become `_`,
 * trailing dots and spaces of each segment are trimmed.
 */
export function safeEntryName(name: string): string {
  const segments = name
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) =>
      segment
        .replace(/[\x00-\x1F\x7F<>:"|?*]/g, '_')
        .replace(/[. ]+$/, '')
        .trim(),
    )
    .filter((segment) => segment.length > 0 && segment !== '.' && segment !== '..')
  return segments.length > 0 ? segments.join('/') : FALLBACK_NAME
}

/** Returns a function that gives each name a unique form: `a.pdf`, `a (2).pdf`, `a (3).pdf`. */
export function uniqueNamer(): (name: string) => string {
  const seen = new Set<string>()
  return (name) => {
    let candidate = name
    if (seen.has(candidate.toLowerCase())) {
      const slash = name.lastIndexOf('/')
      const dot = name.lastIndexOf('.')
      const hasExtension = dot > slash + 1
      const stem = hasExtension ? name.slice(0, dot) : name
      const extension = hasExtension ? name.slice(dot) : ''
      for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`
    }
    seen.add(candidate.toLowerCase())
    return candidate
  }
}

/**
 * Writes `entries` as a ZIP archive into `output` and resolves when the output has received
 * all of it (the output is ended). Entries whose data is a function are loaded only when their
 * turn comes. On any failure (an entry fails to load, the output breaks or is closed early)
 * the archive is aborted, the output destroyed and the promise rejects.
 */
export async function streamZip(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  output: Writable,
  options: StreamZipOptions = {},
): Promise<StreamZipResult> {
  const store = (options.compression ?? 'store') === 'store'
  const archive = new ZipArchive(store ? { store: true } : { zlib: { level: 1 } })
  const nameFor = uniqueNamer()

  let failure: Error | null = null
  const fail = (error: Error) => {
    failure ??= error
  }
  archive.on('error', fail)
  archive.on('warning', fail)
  output.on('error', fail)
  const finished = new Promise<void>((resolve, reject) => {
    output.once('finish', resolve)
    output.once('close', () => (output.writableFinished ? resolve() : reject(failure ?? closedEarly())))
    output.once('error', reject)
    archive.once('error', reject)
  })
  finished.catch(() => {}) // observed below; avoid an unhandled rejection while appending
  archive.pipe(output)

  let count = 0
  try {
    for await (const entry of entries) {
      if (failure) throw failure
      if (output.destroyed) throw closedEarly()
      const bytes = typeof entry.data === 'function' ? await entry.data() : entry.data
      const appended = once(archive, 'entry')
      archive.append(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        name: nameFor(safeEntryName(entry.name)),
        date: entry.date ?? new Date(),
      })
      await Promise.race([appended, finished])
      count++
      while (output.writableNeedDrain && !output.destroyed && !failure) {
        await Promise.race([drainOrClose(output), finished])
      }
    }
    if (failure) throw failure
    await Promise.race([archive.finalize(), finished])
    await finished
    return { entries: count, bytes: archive.pointer() }
  } catch (error) {
    const reason = error instanceof Error ? error : new Error(String(error))
    archive.abort()
    if (!output.destroyed) output.destroy(reason)
    throw reason
  }
}

function closedEarly(): Error {
  const error = new Error('The output stream was closed before the archive was written')
  error.name = 'OutputClosedError'
  return error
}
