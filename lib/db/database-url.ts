import path from 'node:path'

/** The providers the app runs on; chosen by the protocol of DATABASE_URL. */
export type DatabaseProvider = 'sqlite' | 'postgresql'

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string }

export const DEFAULT_DATABASE_URL = 'file:./data/app.db'

/**
 * Reads a DATABASE_URL: `file:<path>` is SQLite (relative paths resolve against `cwd`),
 * `postgres://` or `postgresql://` is PostgreSQL. Anything else is an error that names it.
 */
export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const url = (raw ?? '').trim() || DEFAULT_DATABASE_URL
  if (url.startsWith('file:')) {
    const filePart = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0] ?? ''
    if (!filePart) throw new Error('DATABASE_URL "file:" has no path (e.g. file:./data/app.db)')
    return { provider: 'sqlite', url, file: path.resolve(cwd, filePart) }
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { provider: 'postgresql', url }
  }
  throw new Error(
    'DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)',
  )
}
