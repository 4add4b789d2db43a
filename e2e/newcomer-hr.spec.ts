// Issue 11, HR and admin: what an HR officer and the admin trip over, walked through in a real
// browser. Files downloaded from the reports page are opened by LibreOffice as a person would
// (tests/libreoffice.ts); layouts are measured at 1280 and 360 px.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Locator, Page } from '@playwright/test'
import { maskNip } from '../lib/identity/nip'
import { LO_LANGUAGE, openCsvInLibreOffice, rowsByHeader } from '../tests/libreoffice'
import { DEMO_LOGINS, e2eDb, expect, expectAccessible, freshNip, signInWithForm, test } from './fixtures'

/** How many lines the text of an element takes (distinct line boxes of its contents). */
async function lineCount(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange()
    range.selectNodeContents(element)
    const tops = new Set<number>()
    for (const rect of Array.from(range.getClientRects())) if (rect.width > 0 && rect.height > 0) tops.add(Math.round(rect.top))
    return tops.size
  })
}

async function fontSizePx(locator: Locator): Promise<number> {
  return locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button, exact: true }).click()])
  return fs.readFileSync(await file.path())
}

/**
 * A cohort of the demo city named as HR names it, with two people called the same in two
 * units: one verified who passed (pre-test 33,3, post-test 93,3, certificate), one who only
 * claimed her NIP. With `organiser`, the organiser setting is set for the SIASN export.
 */
async function seedNamesakes(tag: string, options: { organiser?: boolean } = {}) {
  return e2eDb(async (db) => {
    const city = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: { orderBy: { name: 'asc' } } } })
    const [unitA, unitB] = [city.units[0]!, city.units[1]!]
    const cohort = await db.cohort.create({
      data: { agencyId: city.id, kind: 'onboarding', year: 2026, name: `Orientasi CPNS Gelombang 2 ${tag}`, dueDate: new Date(Date.now() + 30 * 86_400_000) },
    })
    const name = `Ayu Lestari ${tag}`
    const person = (nip: string, unitId: string, identityStatus: 'verified' | 'claimed', n: number) =>
      db.user.create({
        data: {
          id: randomUUID(),
          name,
          email: `ayu-${tag}-${n}@contoh.go.id`,
          nip,
          employmentType: 'PNS',
          agencyId: city.id,
          unitId,
          identityStatus,
          ...(identityStatus === 'verified' ? { identityMethod: 'roster' as const, identityVerifiedAt: new Date() } : {}),
        },
      })
    const passed = await person(freshNip(), unitA.id, 'verified', 1)
    const claimed = await person(freshNip(), unitB.id, 'claimed', 2)
    const enrolment = await db.enrolment.create({ data: { userId: passed.id, cohortId: cohort.id, cycleKey: `onboarding-${tag}` } })
    await db.enrolment.create({ data: { userId: claimed.id, cohortId: cohort.id, cycleKey: `onboarding-${tag}` } })
    const at = new Date()
    const attempt = (kind: 'pretest' | 'posttest', score: number) =>
      db.quizAttempt.create({
        data: { userId: passed.id, enrolmentId: enrolment.id, kind, contentVersion: 'e2e', seed: 's', items: '{}', expiresAt: at, submittedAt: at, score, passed: kind === 'posttest' },
      })
    await attempt('pretest', 33.3)
    const post = await attempt('posttest', 93.3)
    const sequence = 100_000 + Math.floor(Math.random() * 800_000)
    const certificate = await db.certificate.create({
      data: {
        number: `BBS/2099/${String(sequence).padStart(6, '0')}`,
        year: 2099,
        sequence,
        code: randomUUID().replaceAll('-', ''),
        userId: passed.id,
        enrolmentId: enrolment.id,
        cycleKey: `onboarding-${tag}`,
        attemptId: post.id,
        fullName: name,
        nip: passed.nip,
        employmentType: 'PNS',
        agencyName: city.name,
        unitName: unitA.name,
        courseTitle: 'Bijak Bermedia Sosial',
        contentVersion: 'e2e',
        score: 93.3,
        jp: 2,
        completedAt: at,
        validUntil: new Date(at.getTime() + 365 * 86_400_000),
        signerName: 'Penandatangan',
        signerTitle: 'Kepala',
        cohortName: cohort.name,
      },
    })
    const organiser = `BKPSDM Kota Demo Raya ${tag}`
    const previous = await db.setting.findUnique({ where: { key: 'organiserName' } })
    if (options.organiser) {
      await db.setting.upsert({ where: { key: 'organiserName' }, create: { key: 'organiserName', value: JSON.stringify(organiser) }, update: { value: JSON.stringify(organiser) } })
    }
    return { cohort, name, passed, claimed, certificate, organiser, previousOrganiser: previous?.value ?? null, unitA, unitB }
  })
}

test('HR downloads reports that open in a spreadsheet with the 18-digit NIP, in the words of the screens', async ({ page }) => {
  test.setTimeout(360_000)
  const tag = randomUUID().slice(0, 8)
  const seeded = await seedNamesakes(tag, { organiser: true })
  try {
    await signInWithForm(page, DEMO_LOGINS.hr.email)
    await expect(page).toHaveURL(/\/hr$/, { timeout: 30_000 })
    await page.goto('/hr/laporan')
    // The page says which file is for what; the semicolon choice names both spreadsheets.
    await expect(page.getByRole('button', { name: 'Laporan penyelesaian (CSV untuk Excel/LibreOffice)' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Ekspor SIASN (CSV polos untuk impor sistem)' })).toBeVisible()
    await expect(page.getByText('untuk diunggah ke sistem lain (mis. SIASN)')).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Kelompok', { exact: true }).selectOption({ label: seeded.cohort.name })

    // The completion report for Excel/LibreOffice, opened by LibreOffice (Indonesian, ";").
    const completion = rowsByHeader(await openCsvInLibreOffice(await download(page, 'Laporan penyelesaian (CSV untuk Excel/LibreOffice)'), { delimiter: ';', language: LO_LANGUAGE.indonesian }))
    const row = completion.find((r) => r.NIP?.value === seeded.passed.nip)
    expect(row, `NIP ${seeded.passed.nip} as 18-digit text in ${JSON.stringify(completion.map((r) => r.NIP))}`).toBeDefined()
    expect(row!.NIP).toMatchObject({ type: 'string', value: seeded.passed.nip })
    // Names and words as on the screens: the cohort under "Kelompok", "uji awal"/"uji akhir".
    expect(row!.Kelompok?.value).toBe(seeded.cohort.name)
    expect(row!['Nilai uji awal']).toMatchObject({ type: 'number', value: 33.3 })
    expect(row!['Nilai terbaik uji akhir']).toMatchObject({ type: 'number', value: 93.3 })
    expect(row!.Status?.value).toBe('Lulus')
    expect(row!['Nomor Sertifikat']?.value).toBe(seeded.certificate.number)
    expect(Object.keys(row!).join(' ')).not.toMatch(/Angkatan|Pre-test|Post-test/)

    // The SIASN export for Excel/LibreOffice: NIP intact, organiser from the settings.
    const siasn = rowsByHeader(await openCsvInLibreOffice(await download(page, 'Ekspor SIASN (CSV untuk Excel/LibreOffice)'), { delimiter: ';', language: LO_LANGUAGE.indonesian }))
    expect(siasn).toHaveLength(1) // the claimed namesake is left out by default
    expect(siasn[0]!.NIP).toMatchObject({ type: 'string', value: seeded.passed.nip })
    expect(siasn[0]!.Penyelenggara?.value).toBe(seeded.organiser)

    // The plain SIASN CSV for an upload: bare digits, parsed by a program.
    const plain = parse(await download(page, 'Ekspor SIASN (CSV polos untuk impor sistem)'), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[]
    expect(plain).toEqual([expect.objectContaining({ NIP: seeded.passed.nip, Penyelenggara: seeded.organiser, 'Nomor Sertifikat': seeded.certificate.number })])
  } finally {
    await e2eDb(async (db) => {
      if (seeded.previousOrganiser === null) await db.setting.deleteMany({ where: { key: 'organiserName' } })
      else await db.setting.update({ where: { key: 'organiserName' }, data: { value: seeded.previousOrganiser } })
    })
  }
})

test('HR and admin lists tell namesakes apart, never break NIPs, numbers or statuses, and stay legible on a phone', async ({ page, browser }) => {
  test.setTimeout(360_000)
  const tag = randomUUID().slice(0, 8)
  const seeded = await seedNamesakes(tag)
  const passedTag = `${seeded.unitA.name} · ${maskNip(seeded.passed.nip!)}`
  const claimedTag = `${seeded.unitB.name} · ${maskNip(seeded.claimed.nip!)}`

  await page.setViewportSize({ width: 1280, height: 900 })
  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/, { timeout: 30_000 })

  // People list: both namesakes, each with unit and masked NIP beside the name.
  await page.goto(`/hr/pegawai?q=${encodeURIComponent(seeded.name)}`)
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(2)
  // The list's order is by name, then id: compare as sets.
  await expect(page.getByTestId('penanda-pegawai')).toHaveCount(2)
  expect((await page.getByTestId('penanda-pegawai').allInnerTexts()).sort()).toEqual([passedTag, claimedTag].sort())
  const passedRow = page.locator(`tr[data-person="${seeded.passed.id}"]`)

  // At 1280 px nothing is split inside a word: the NIP, the status, the certificate number and
  // the "Status" header each take one line.
  for (const [what, cell] of [
    ['NIP', passedRow.getByText(seeded.passed.nip!, { exact: true })],
    ['status', passedRow.locator('.badge')],
    ['certificate number', passedRow.getByText(seeded.certificate.number, { exact: true })],
    ['"Status" header', page.getByRole('columnheader', { name: 'Status', exact: true })],
  ] as const) {
    expect(await lineCount(cell), `${what} on one line at 1280 px`).toBe(1)
  }
  await expectAccessible(page)

  // At 360 px the table scrolls inside its own labelled, focusable box; the NIP stays whole.
  await page.setViewportSize({ width: 360, height: 800 })
  const region = page.getByRole('region', { name: 'Daftar pegawai' })
  await expect(region).toHaveAttribute('tabindex', '0')
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
  // Nothing outside the table's box is wider than the screen.
  const overflowing = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((element) => !element.parentElement?.closest('.table-wrap') && element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}px`),
  )
  expect(overflowing).toEqual([])
  expect(await lineCount(passedRow.getByText(seeded.passed.nip!, { exact: true })), 'NIP on one line at 360 px').toBe(1)
  expect(await lineCount(passedRow.getByText(seeded.certificate.number, { exact: true })), 'certificate number on one line at 360 px').toBe(1)
  await region.focus()
  await expect(region).toBeFocused()

  // Dashboard at 360 px: chart text at least 12 px, numbers in Indonesian format ("93,3").
  await page.goto(`/hr?kelompok=${seeded.cohort.id}`)
  await expect(page.getByTestId('rata-rata-akhir')).toHaveText('93,3')
  // The cohort's chart per unit (two units here, so its label reads each row out).
  const chart = page.locator('figure[role="img"][aria-label^="Status peserta per unit kerja"]')
  const unitRead = `${seeded.unitA.name}, 1 orang: Lulus 1 (100%)`
  await expect(chart).toHaveAttribute('aria-label', new RegExp(unitRead.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  const chartTexts = chart.locator('li, div, span').filter({ hasText: /\S/ })
  const sizes = await chartTexts.evaluateAll((elements) => elements.map((element) => Number.parseFloat(getComputedStyle(element).fontSize)))
  expect(sizes.length).toBeGreaterThan(3)
  expect(Math.min(...sizes), `chart font sizes ${sizes.join(', ')}`).toBeGreaterThanOrEqual(12)
  expect(await fontSizePx(chart.locator('li').first())).toBeGreaterThanOrEqual(12)
  for (const badge of await page.locator('table .badge, table td').all()) {
    const text = (await badge.innerText()).trim()
    if (/^\d[\d.,]*( \(\d+%\))?$/.test(text)) expect(await lineCount(badge), `"${text}" on one line`).toBe(1)
  }
  await expectAccessible(page)

  // Verification queue: the claimed namesake with her unit and masked NIP.
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/hr/verifikasi')
  const claimRow = page.getByTestId(`klaim-${seeded.claimed.nip}`)
  await expect(claimRow.getByTestId('penanda-pegawai')).toHaveText(claimedTag)
  await page.setViewportSize({ width: 360, height: 800 })
  expect(await lineCount(claimRow.getByText(seeded.claimed.nip!, { exact: true })), 'NIP on one line in the queue at 360 px').toBe(1)

  // Admin users: both namesakes, told apart the same way.
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const admin = await adminContext.newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin/, { timeout: 30_000 })
  await admin.goto(`/admin/pengguna?q=${encodeURIComponent(`ayu-${tag}`)}`)
  const tags = await admin.getByRole('region', { name: 'Hasil pencarian pengguna' }).getByTestId('penanda-pegawai').allInnerTexts()
  expect(tags.sort()).toEqual([passedTag, claimedTag].sort())
  // Their row buttons have distinct accessible names: the name with the masked NIP.
  const results = admin.getByRole('table', { name: 'Hasil pencarian pengguna' })
  for (const person of [seeded.passed, seeded.claimed]) {
    const who = `${seeded.name} (${maskNip(person.nip!)})`
    await expect(results.getByRole('button', { name: `Nonaktifkan ${who}`, exact: true })).toHaveCount(1)
    await expect(results.getByRole('button', { name: `Jadikan ${who} admin kepegawaian`, exact: true })).toHaveCount(1)
  }
  await expectAccessible(admin)
  await adminContext.close()
})
