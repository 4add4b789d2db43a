/**
 * Issue 11, certificates: what a newcomer and an auditor see.
 * 1. The certificate page and the PDF name the cohort as HR named it, the content edition in
 *    words, and the signer (name, title, NIP) from the settings.
 * 2. Revoking asks for a reason and a confirmation (also without JavaScript); the owner then sees
 *    it revoked and downloads a copy stamped DICABUT; /verify says revoked and when, not why.
 * 3. On a fresh install whose signer is still a placeholder, a pass waits ("sedang disiapkan"),
 *    the admin is warned, and saving a real signer issues it. This one runs on its own server
 *    and database: the signer is global, and other specs issue certificates meanwhile.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { formatContentEdition, parseContentEdition } from '../lib/content/content-edition'
import { DEMO_SIGNER } from '../prisma/seed/demo-data'
import { pdfText } from '../tests/poppler'
import {
  completeAllLessons,
  DEMO_LOGINS,
  e2eDb,
  expect,
  expectAccessible,
  freshNip,
  passPostTest,
  signInNewLearner,
  signInWithForm,
  test,
} from './fixtures'


const EDITION = (() => {
  const parsed = parseContentEdition(fs.readFileSync(path.join(process.cwd(), 'content', 'edition.yaml'), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return formatContentEdition(parsed.edition)
})()
const longDate = (date: Date) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(date)

test('cohort, edition and signer agree on the page and the PDF; a revoked certificate is shown and stamped as revoked', async ({ page, browser }) => {
  test.setTimeout(300_000) // four axe runs on a loaded 2-core machine
  const learner = await signInNewLearner(page, 'pendatang-sertifikat')
  await completeAllLessons(learner.id)
  await passPostTest(page)
  const certificate = await e2eDb((db) =>
    db.certificate.findFirstOrThrow({ where: { userId: learner.id }, include: { enrolment: { include: { cohort: true } } } }),
  )
  const cohortName = certificate.enrolment.cohort.name
  expect(certificate).toMatchObject({ cohortName, contentEdition: EDITION, ...DEMO_SIGNER })

  // 1. The page and the PDF say the same.
  await page.goto('/sertifikat')
  const card = page.getByRole('region', { name: certificate.number })
  await expect(card).toContainText(cohortName)
  await expect(card).toContainText(`Materi edisi ${EDITION}`)
  await expect(card).not.toContainText('v-')
  await expectAccessible(page)
  const original = await page.request.get(`/sertifikat/${certificate.id}/pdf`)
  expect(original.status()).toBe(200)
  const originalBytes = await original.body()
  const text = pdfText(originalBytes)
  for (const expected of [cohortName, EDITION, DEMO_SIGNER.signerName, DEMO_SIGNER.signerTitle, `NIP ${DEMO_SIGNER.signerNip}`]) expect(text).toContain(expected)
  expect(text).not.toContain('Orientasi ASN Baru')
  expect(text).not.toContain('DICABUT')

  // 2. An admin revokes it, in a browser without JavaScript: the reason and the confirmation are required.
  const adminContext = await browser.newContext()
  const adminPage = await adminContext.newPage()
  await signInWithForm(adminPage, DEMO_LOGINS.admin.email)
  await expect(adminPage).toHaveURL(/\/admin$/, { timeout: 30_000 })
  await adminPage.goto(`/admin/sertifikat?nomor=${encodeURIComponent(certificate.number)}`)
  await expect(adminPage.getByLabel(`Ya, cabut ${certificate.number} (tidak dapat dibatalkan)`)).toBeVisible()
  await expectAccessible(adminPage) // axe needs JavaScript: checked here, the same form
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await adminContext.storageState() })
  const admin = await noJs.newPage()
  await admin.goto(`/admin/sertifikat?nomor=${encodeURIComponent(certificate.number)}`)
  const form = admin.getByRole('form', { name: `Cabut sertifikat ${certificate.number}` })
  await form.getByLabel(`Alasan mencabut ${certificate.number}`).fill('Nilai tercatat ganda, diperiksa ulang')
  await form.getByRole('button', { name: 'Cabut' }).click()
  const refusedForm = admin.getByRole('form', { name: `Cabut sertifikat ${certificate.number}` })
  await expect(refusedForm.getByText('Centang konfirmasi bahwa sertifikat ini memang akan dicabut.')).toBeVisible()
  await expect(refusedForm.getByLabel(`Alasan mencabut ${certificate.number}`)).toHaveValue('Nilai tercatat ganda, diperiksa ulang')
  expect((await e2eDb((db) => db.certificate.findUniqueOrThrow({ where: { id: certificate.id } }))).revokedAt).toBeNull()
  await refusedForm.getByLabel(`Ya, cabut ${certificate.number} (tidak dapat dibatalkan)`).check()
  await refusedForm.getByRole('button', { name: 'Cabut' }).click()
  await expect(admin.getByRole('cell', { name: /^Dicabut: Nilai tercatat ganda, diperiksa ulang \(/ })).toBeVisible()
  const revoked = await e2eDb((db) => db.certificate.findUniqueOrThrow({ where: { id: certificate.id } }))
  expect(revoked).toMatchObject({ revokedReason: 'Nilai tercatat ganda, diperiksa ulang', revokedAt: expect.any(Date) })
  const revokedOn = longDate(revoked.revokedAt!)

  // The owner sees it revoked, and the download is a different, stamped copy.
  await page.reload()
  await expect(card.getByText(`Sertifikat ini telah dicabut pada ${revokedOn}`)).toBeVisible()
  await expect(card.getByText('Dicabut', { exact: true })).toBeVisible()
  await expect(card).not.toContainText('Nilai tercatat ganda')
  const stampedLink = card.getByRole('link', { name: 'Unduh salinan bertanda DICABUT (PDF)' })
  await expect(stampedLink).toBeVisible()
  await expectAccessible(page)
  const stamped = await page.request.get((await stampedLink.getAttribute('href'))!)
  expect(stamped.status()).toBe(200)
  expect(stamped.headers()['content-disposition']).toContain('-DICABUT.pdf')
  const stampedBytes = await stamped.body()
  expect(stampedBytes.equals(originalBytes)).toBe(false)
  expect(pdfText(stampedBytes)).toContain(`DICABUT pada ${revokedOn}: sertifikat ini tidak berlaku.`)

  // /verify: revoked, and when; not the internal reason.
  const auditor = await (await browser.newContext()).newPage()
  await auditor.goto(`/verify/${certificate.code}`)
  await expect(auditor.getByRole('status')).toContainText('Sertifikat ini telah dicabut.')
  await expect(auditor.getByRole('status')).toContainText(`Dicabut pada ${revokedOn}`)
  await expect(auditor.getByText(`Materi edisi ${EDITION}`)).toBeVisible()
  await expect(auditor.getByText(cohortName)).toBeVisible()
  expect(await auditor.content()).not.toContain('Nilai tercatat ganda')
  await expectAccessible(auditor)
})

// ---------------------------------------------------------------------------------------------
// A fresh install: the signer is still a placeholder. Its own server and database.

const FRESH_PORT = Number(process.env.E2E_PORT ?? 3100) + 1
const FRESH_URL = `http://localhost:${FRESH_PORT}`
const FRESH_DB = path.resolve(import.meta.dirname, `../tests/.data/e2e-${FRESH_PORT}.db`)
let server: ChildProcess | null = null

test.describe('a fresh install without a real signer', () => {
  test.beforeAll(async () => {
    test.setTimeout(240_000)
    server = spawn('bash', ['scripts/e2e-server.sh'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, E2E_PORT: String(FRESH_PORT) },
      detached: true,
      stdio: 'ignore',
    })
    await expect
      .poll(async () => (await fetch(`${FRESH_URL}/`).catch(() => null))?.status ?? 0, { timeout: 200_000, intervals: [1_000] })
      .toBe(200)
    // As installed: the demo seed's signer removed, so the settings hold the shipped placeholders.
    const db = new Database(FRESH_DB)
    db.prepare(`DELETE FROM "setting" WHERE "key" IN ('signerName', 'signerTitle', 'signerNip')`).run()
    db.close()
  })

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM')
  })

  test('a pass waits while the signer is a placeholder; the admin is warned; saving a real signer issues it', async ({ browser }) => {
    test.setTimeout(180_000)
    const { createDbClient } = await import('../lib/db/create-client')
    const { seedUser } = await import('../prisma/seed/seeders')
    const { db } = createDbClient(`file:${FRESH_DB}`)
    const nip = freshNip()
    let learnerId = ''
    try {
      const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: true } })
      const learner = await seedUser(db, { name: 'Peserta Baru', email: `baru-${nip}@contoh.go.id`, password: 'Bijak-Bermedia-2026', nip, employmentType: 'PNS', agencyId: agency.id })
      learnerId = learner.id
      const cohort = await db.cohort.findFirstOrThrow({ where: { agencyId: agency.id } })
      const enrolment = await db.enrolment.create({ data: { userId: learner.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
      const slugs = fs.readdirSync(path.resolve(import.meta.dirname, '../content/lessons')).map((file) => file.replace(/^\d+-/, '').replace(/\.mdx$/, ''))
      await db.lessonProgress.createMany({ data: slugs.map((lessonSlug) => ({ userId: learner.id, lessonSlug, contentVersion: 'e2e', reachedEndAt: new Date(), completedAt: new Date() })) })
      // The pass the submission recorded; issuing it was refused (placeholder signer).
      await db.quizAttempt.create({
        data: { userId: learner.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 'e2e', seed: 's', items: '{"version":1,"seed":"s","items":[]}', expiresAt: new Date(Date.now() + 3_600_000), submittedAt: new Date(), score: 90, passed: true },
      })
    } finally {
      await db.$disconnect()
    }
    const certificates = () => {
      const sqlite = new Database(FRESH_DB, { readonly: true })
      try {
        return sqlite.prepare(`SELECT "id", "signerNip" FROM "certificate" WHERE "userId" = ?`).all(learnerId) as { id: string; signerNip: string }[]
      } finally {
        sqlite.close()
      }
    }

    // The learner is told it is being prepared; viewing issues nothing.
    const learnerPage = await (await browser.newContext({ baseURL: FRESH_URL })).newPage()
    await signInWithForm(learnerPage, nip)
    await expect(learnerPage).toHaveURL(/\/dasbor/, { timeout: 30_000 })
    await learnerPage.goto('/sertifikat')
    await expect(learnerPage.getByRole('heading', { name: 'Sertifikat Anda sedang disiapkan' })).toBeVisible()
    await expect(learnerPage.getByRole('button', { name: 'Terbitkan sertifikat' })).toHaveCount(0)
    await expectAccessible(learnerPage)
    expect(certificates()).toEqual([])

    // The admin sees why, on the certificates page and in the settings.
    const admin = await (await browser.newContext({ baseURL: FRESH_URL })).newPage()
    await signInWithForm(admin, DEMO_LOGINS.admin.email)
    await expect(admin).toHaveURL(/\/admin$/, { timeout: 30_000 })
    await admin.goto('/admin/sertifikat')
    await expect(admin.getByTestId('peringatan-penanda-tangan')).toContainText(
      'Sertifikat belum dapat diterbitkan: nama, jabatan dan NIP penanda tangan masih berisi nilai bawaan atau kosong. 1 kelulusan menunggu sertifikatnya.',
    )
    await admin.goto('/admin/pengaturan')
    await expect(admin.getByTestId('peringatan-penanda-tangan')).toBeVisible()
    await expectAccessible(admin)

    // A mistyped NIP gets a message in Bahasa; then real values are saved and what waited is issued.
    await admin.getByLabel('Nama penanda tangan').fill('Dr. Sari Dewi Lestari, M.Si.')
    await admin.getByLabel('Jabatan penanda tangan').fill('Kepala Pusat Pengembangan Kompetensi ASN')
    await admin.getByLabel('NIP penanda tangan').fill('1975051220')
    await admin.getByRole('button', { name: 'Simpan pengaturan' }).click()
    await expect(admin.getByText('NIP penanda tangan harus tepat 18 angka (terisi 10), mis. 197304121998032002.')).toBeVisible()
    expect(certificates()).toEqual([])
    await admin.getByLabel('NIP penanda tangan').fill('19750512 200012 2 001')
    await admin.getByRole('button', { name: 'Simpan pengaturan' }).click()
    await expect(admin.getByText('1 sertifikat yang menunggu telah diterbitkan.')).toBeVisible({ timeout: 30_000 })
    await admin.reload()
    await expect(admin.getByTestId('peringatan-penanda-tangan')).toHaveCount(0)
    expect(certificates()).toEqual([{ id: expect.any(String), signerNip: '197505122000122001' }])

    await learnerPage.reload()
    await expect(learnerPage.getByRole('heading', { name: /^BBS\/\d{4}\/\d{6}$/ })).toBeVisible()
    await expect(learnerPage.getByRole('heading', { name: 'Sertifikat Anda sedang disiapkan' })).toHaveCount(0)
    const pdf = await learnerPage.request.get(`/sertifikat/${certificates()[0]!.id}/pdf`)
    const text = pdfText(await pdf.body())
    expect(text).toContain('Dr. Sari Dewi Lestari, M.Si.')
    expect(text).toContain('Kepala Pusat Pengembangan Kompetensi ASN')
    expect(text).toContain('NIP 197505122000122001')
  })
})
