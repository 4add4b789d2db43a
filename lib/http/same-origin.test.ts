import { describe, expect, it } from 'vitest'
import { isSameOriginRequest } from './same-origin'

const SITE = ['https://bijak.example.go.id', 'http://10.0.0.5:3000/api/x']
const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), SITE)

describe('isSameOriginRequest', () => {
  it.each([
    [{ origin: 'https://bijak.example.go.id' }],
    [{ origin: 'http://10.0.0.5:3000' }],
    [{ referer: 'https://bijak.example.go.id/hr/impor' }],
    [{ 'sec-fetch-site': 'same-origin' }],
    [{ 'sec-fetch-site': 'none' }],
    [{}],
  ])('allows %j', (headers) => expect(check(headers)).toBe(true))

  it.each([
    [{ origin: 'https://evil.example' }],
    [{ origin: 'null' }],
    [{ origin: 'https://bijak.example.go.id.evil.example' }],
    [{ origin: 'http://bijak.example.go.id' }],
    [{ origin: 'https://evil.example', referer: 'https://bijak.example.go.id/' }],
    [{ referer: 'https://evil.example/' }],
    [{ referer: 'not a url' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site', referer: 'https://bijak.example.go.id/' }],
  ])('refuses %j', (headers) => expect(check(headers)).toBe(false))
})
