import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, REDACTED, scrubSecrets } from './log'
import { requestLine } from './request-log'
import { createRouteResolver } from './route-pattern'

/** A logger writing into an array of parsed lines. */
function capture(options: { redact?: boolean } = {}) {
  const raw: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk))
      done()
    },
  })
  const logger = createLogger(stream as never, 'info', options)
  return { logger, raw, lines: () => raw.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) }
}

// Each secret as the app really carries it.
const PASSWORD = 'Rahasia-Sekali-123!'
const NIP = '198501012005011001'
const NIP_GROUPED = '19850101 200501 1 001'
const ACTIVATION_CODE = 'K7M2P-9QX4D'
const RESET_TOKEN = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0'
const CERTIFICATE_CODE = '7k3m9qxdh2c4a8ty5nw0b6rz'
const SESSION_COOKIE = 'better-auth.session_token=sess.abcdef0123456789signature'
const BEARER = 'metrics-token-0123456789abcdef'
const SECRETS = [PASSWORD, NIP, NIP_GROUPED, ACTIVATION_CODE, RESET_TOKEN, CERTIFICATE_CODE, 'sess.abcdef0123456789signature', BEARER, '200501']

const resolveRoute = createRouteResolver({
  staticRoutes: [{ page: '/aktivasi', regex: '^/aktivasi(?:/)?$' }],
  dynamicRoutes: [{ page: '/verify/[code]', regex: '^/verify/([^/]+?)(?:/)?$' }],
})

describe('the request log keeps secrets and NIPs out', () => {
  it('logs a request carrying a password, codes, a token, a cookie, a certificate code and a NIP with none of them', () => {
    // The request lines' logger, without key redaction: the line's fixed fields keep them out.
    const { logger, raw, lines } = capture({ redact: false })
    const request = {
      method: 'POST',
      url: `/verify/${CERTIFICATE_CODE}?token=${RESET_TOKEN}&kode=${ACTIVATION_CODE}&nip=${NIP}`,
      headers: { cookie: SESSION_COOKIE, authorization: `Bearer ${BEARER}`, 'next-action': 'abc', 'x-nip': NIP },
      body: { password: PASSWORD, nip: NIP_GROUPED, code: ACTIVATION_CODE },
    }
    logger.info(requestLine('0f1e2d3c4b5a69788796a5b4c3d2e1f0', request, { statusCode: 303, writableFinished: true }, 12.345, resolveRoute), 'request')
    const [line] = lines()
    expect(line).toMatchObject({ msg: 'request', level: 'info', requestId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', method: 'POST', route: '/verify/[code]', status: 303, durationMs: 12.3, action: true })
    expect(typeof line?.time).toBe('string')
    for (const secret of SECRETS) expect(raw.join('')).not.toContain(secret)
  })

  it("keeps an error's diagnostic code (Prisma, Node, PostgreSQL) and hides any other code", () => {
    const { logger, lines } = capture()
    const prismaError = Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' })
    logger.error({ err: prismaError, pg: { code: '40P01' }, net: { code: 'ECONNREFUSED' }, form: { code: ACTIVATION_CODE }, other: { code: 'rahasia-123' } }, 'failed')
    const [line] = lines() as [{ err: { code: string }; pg: { code: string }; net: { code: string }; form: { code: string }; other: { code: string } }]
    expect(line.err.code).toBe('P2028')
    expect(line.pg.code).toBe('40P01')
    expect(line.net.code).toBe('ECONNREFUSED')
    expect(line.form.code).toBe(REDACTED)
    expect(line.other.code).toBe(REDACTED)
  })

  it('redacts secrets in whatever else is logged: objects by key, values in messages and stacks by shape', () => {
    const { logger, raw, lines } = capture()
    const error = new Error(`claim refused for NIP ${NIP} with code ${ACTIVATION_CODE} (link ?token=${RESET_TOKEN})`)
    logger.error(
      {
        err: error,
        input: { password: PASSWORD, newPassword: PASSWORD, nip: NIP, kode: ACTIVATION_CODE },
        request: { headers: { cookie: SESSION_COOKIE, authorization: `Bearer ${BEARER}` }, body: { password: PASSWORD } },
        certificate: { verificationCode: CERTIFICATE_CODE },
        cookie: SESSION_COOKIE,
      },
      `verify /verify/${CERTIFICATE_CODE} for ${NIP_GROUPED}`,
    )
    const output = raw.join('')
    for (const secret of SECRETS) expect(output).not.toContain(secret)
    const [line] = lines() as [{ input: unknown; request: unknown; msg: string; err: { type: string; message: string; stack: string } }]
    // What stays: the shape, the NIP's first and last digits, the error's type and where it was thrown.
    expect(line.input).toEqual({ password: REDACTED, newPassword: REDACTED, nip: REDACTED, kode: REDACTED })
    expect(line.request).toEqual({ headers: REDACTED, body: REDACTED })
    expect(line.msg).toBe(`verify /verify/${REDACTED} for 1985…01`)
    expect(line.err.type).toBe('Error')
    expect(line.err.message).toContain('NIP 1985…01')
    expect(line.err.stack).toContain('log.test.ts')
  })

  it('scrubs by shape without touching ids, times and durations', () => {
    const line = '{"requestId":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","time":"2026-12-02T13:00:00.000Z","durationMs":1234.5,"id":"cmabc123def456ghi789jkl0","n":1234567890123}'
    expect(scrubSecrets(line)).toBe(line)
    expect(scrubSecrets(`a ${NIP}, b ${NIP_GROUPED}; c 19850101-200501-1-001`)).toBe('a 1985…01, b 1985…01; c 1985…01')
    // 17 or 19 digits are not NIPs.
    expect(scrubSecrets('12345678901234567 1234567890123456789')).toBe('12345678901234567 1234567890123456789')
  })
})
