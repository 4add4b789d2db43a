import { describe, expect, it } from 'vitest'
import { deviceCookieKey, deviceSecretMatches, hashDeviceSecret, newDeviceSecret, readDeviceCookie, signDeviceCookie } from './device-cookie'

const key = deviceCookieKey('a-secret-of-at-least-thirty-two-characters')
const id = '0190c3a8-7b1e-7cc1-9f00-1a2b3c4d5e6f'

describe('device cookie', () => {
  it('reads back what it signed', () => {
    const secret = newDeviceSecret()
    expect(readDeviceCookie(signDeviceCookie(id, secret, key), key)).toEqual({ deviceId: id, secret })
  })

  it('refuses a changed id, a changed secret, another key, a missing signature and junk', () => {
    const secret = newDeviceSecret()
    const cookie = signDeviceCookie(id, secret, key)
    const [, , sig] = cookie.split('.')
    expect(readDeviceCookie(`0190c3a8-7b1e-7cc1-9f00-000000000000.${secret}.${sig}`, key)).toBeNull()
    expect(readDeviceCookie(`${id}.${newDeviceSecret()}.${sig}`, key)).toBeNull()
    expect(readDeviceCookie(cookie, deviceCookieKey('another-secret-of-at-least-thirty-two-chars'))).toBeNull()
    expect(readDeviceCookie(`${id}.${secret}`, key)).toBeNull()
    expect(readDeviceCookie(`${id}.${secret}.`, key)).toBeNull()
    expect(readDeviceCookie('', key)).toBeNull()
    expect(readDeviceCookie(undefined, key)).toBeNull()
    expect(readDeviceCookie('a.b.c.d', key)).toBeNull()
    expect(readDeviceCookie('x'.repeat(400), key)).toBeNull()
  })

  it('does not use the app secret itself as the key', () => {
    expect(key.equals(Buffer.from('a-secret-of-at-least-thirty-two-characters'))).toBe(false)
  })

  it('stores only a hash of the secret and compares in constant time', () => {
    const secret = newDeviceSecret()
    const stored = hashDeviceSecret(secret)
    expect(stored).not.toContain(secret)
    expect(deviceSecretMatches(secret, stored)).toBe(true)
    expect(deviceSecretMatches(newDeviceSecret(), stored)).toBe(false)
    expect(deviceSecretMatches(secret, 'abc')).toBe(false)
  })
})
