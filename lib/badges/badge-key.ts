import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** A configured badge key that cannot be used; the message follows the variable's name in the start-up line. */
export class BadgeKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BadgeKeyError'
  }
}

/** A new Ed25519 private key as PKCS#8 PEM (the generated key kept in the database, decision 050). */
export function newBadgeKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

/** The PEM text of BADGE_SIGNING_KEY: inline PEM (real or `\n`-escaped line breaks), `base64:…`, or a file's path. */
function readKeySource(value: string): string | Buffer {
  if (value.startsWith('base64:')) {
    const bytes = Buffer.from(value.slice('base64:'.length), 'base64')
    return bytes.toString('utf8').includes('-----BEGIN') ? bytes.toString('utf8') : bytes
  }
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n')
  try {
    return readFileSync(value, 'utf8')
  } catch (error) {
    throw new BadgeKeyError(`tidak dapat dibaca (cannot be read): ${value} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

/**
 * The Ed25519 private key of BADGE_SIGNING_KEY or of the stored PEM. Anything else — not a key, a
 * key of another type — is a BadgeKeyError with one line in Bahasa Indonesia and English.
 */
export function parseBadgeKey(value: string): KeyObject {
  const source = readKeySource(value)
  let key: KeyObject
  try {
    key = typeof source === 'string' ? createPrivateKey(source) : createPrivateKey({ key: source, format: 'der', type: 'pkcs8' })
  } catch {
    throw new BadgeKeyError('bukan kunci privat PKCS#8 PEM (is not a PKCS#8 PEM private key; make one with: openssl genpkey -algorithm ed25519)')
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new BadgeKeyError(`harus kunci Ed25519 (must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'})`)
  }
  return key
}
