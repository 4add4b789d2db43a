import fs from 'node:fs'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { verifyCredential } from '@digitalbazaar/vc'
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list'
import type { APIRequestContext } from '@playwright/test'
import { BUNDLED_CONTEXTS } from '../lib/badges/linked-data'
import { completeAllLessons, DEMO_LOGINS, e2eDb, expect, passPostTest, signInNewLearner, signInWithForm, test } from './fixtures'

// Issue 16 §2 (decision 050): a passing learner downloads an Open Badges 3.0 credential beside the
// PDF; an independent verifier (@digitalbazaar/vc) fetches our issuer profile, key and status list
// from the running app and finds it valid; after an admin revokes the certificate, the status list
// says revoked. Nobody else can download it.

/** A verifier's document loader: the bundled contexts, and our own URLs fetched from the running app without a session. */
function loaderFor(request: APIRequestContext) {
  return async (url: string) => {
    const context = BUNDLED_CONTEXTS.get(url)
    if (context) return { contextUrl: null, documentUrl: url, document: structuredClone(context) }
    const response = await request.get(url.split('#')[0]!)
    if (response.status() !== 200) throw new Error(`${url}: ${response.status()}`)
    return { contextUrl: null, documentUrl: url, document: await response.json() }
  }
}

const suite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })

async function verify(request: APIRequestContext, credential: unknown) {
  const documentLoader = loaderFor(request)
  const result = await verifyCredential({
    credential,
    suite: suite(),
    documentLoader,
    checkStatus: (options) => checkStatus({ ...options, documentLoader, suite: suite(), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true }),
  })
  return { verified: result.verified, error: result.error, revoked: (result.statusResult?.results as { status: boolean }[] | undefined)?.[0]?.status }
}

test('a passing learner downloads an Open Badge that verifies, adds it to LinkedIn, and sees it revoked with the certificate', async ({ page, browser, playwright }) => {
  test.setTimeout(240_000)
  const learner = await signInNewLearner(page, 'lencana')
  await completeAllLessons(learner.id)
  await passPostTest(page)
  await page.goto('/sertifikat')
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: learner.id } }))

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh Open Badge (JSON)' }).click()])
  expect(download.suggestedFilename()).toBe(`open-badge-${certificate.number.replaceAll('/', '-')}-v1.json`)
  const credential = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'))
  expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
  expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022')

  // The verifier has no session: the issuer documents and the list are public.
  const verifier = await playwright.request.newContext({ baseURL: page.url() })
  expect(await verify(verifier, credential)).toEqual({ verified: true, error: undefined, revoked: false })
  const tampered = { ...credential, name: 'Kursus lain (40 JP)' }
  expect((await verify(verifier, tampered)).verified).toBe(false)

  const response = await page.request.get(`/sertifikat/${certificate.id}/badge`)
  expect(response.headers()['content-type']).toBe('application/vc+ld+json')
  expect(await response.text()).toBe(fs.readFileSync((await download.path())!, 'utf8'))

  // LinkedIn's add-certification form, pre-filled.
  const linkedIn = new URL((await page.getByRole('link', { name: 'Tambahkan ke LinkedIn' }).getAttribute('href'))!)
  expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add')
  expect(linkedIn.searchParams.get('startTask')).toBe('CERTIFICATION_NAME')
  expect(linkedIn.searchParams.get('certId')).toBe(certificate.number)
  expect(linkedIn.searchParams.get('certUrl')).toMatch(new RegExp(`/verify/${certificate.code}$`))

  // Another learner gets 404, as for the PDF; nobody signed out gets it.
  const other = await (await browser.newContext()).newPage()
  await signInNewLearner(other, 'lencana-lain')
  expect((await other.request.get(`/sertifikat/${certificate.id}/badge`)).status()).toBe(404)
  expect((await verifier.get(`/sertifikat/${certificate.id}/badge`)).status()).toBe(401)

  // An admin revokes the certificate the usual way; the badge now reads as revoked.
  const admin = await (await browser.newContext()).newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin$/)
  await admin.goto(`/admin/sertifikat?nomor=${encodeURIComponent(certificate.number)}`)
  await admin.getByLabel(`Alasan mencabut ${certificate.number}`).fill('Data kelulusan keliru, diperiksa ulang')
  await admin.getByLabel(`Ya, cabut ${certificate.number} (tidak dapat dibatalkan)`).check()
  await admin.getByRole('button', { name: 'Cabut' }).click()
  await expect(admin.getByRole('cell', { name: 'Dicabut: Data kelulusan keliru, diperiksa ulang' })).toBeVisible()
  expect(await verify(verifier, credential)).toMatchObject({ verified: true, revoked: true })
  await page.reload()
  await expect(page.getByRole('link', { name: 'Tambahkan ke LinkedIn' })).toHaveCount(0)
  await verifier.dispose()
})
