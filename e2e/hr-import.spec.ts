import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { completeAllLessons, DEMO_LOGINS, e2eDb, expect, expectAccessible, freshNip, passPostTest, signInWithForm, test } from './fixtures'

/** Reads an XLSX the way a user's spreadsheet does: LibreOffice converts it to CSV. */
function xlsxToRows(bytes: Buffer): string[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-xlsx-'))
  fs.writeFileSync(path.join(dir, 'laporan.xlsx'), bytes)
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, path.join(dir, 'laporan.xlsx')], {
    stdio: 'pipe',
    timeout: 120_000,
  })
  const rows = parse(fs.readFileSync(path.join(dir, 'laporan.csv'), 'utf8'), { bom: true }) as string[][]
  fs.rmSync(dir, { recursive: true, force: true })
  return rows
}

test('HR imports a roster, assigns onboarding, an imported learner claims and passes, and the reports show it', async ({ page, browser }) => {
  test.setTimeout(240_000)
  const [a, b, c] = [freshNip(), freshNip(), freshNip()]
  const roster = [
    'NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja',
    `${a};Dr. Ayu Lestari, M.Si.;ayu-${a}@contoh.go.id;PNS;Dinas Pendidikan`,
    `${b};Muh. Ma'ruf;maruf-${b}@contoh.go.id;PPPK;Dinas Komunikasi dan Informatika`,
    `${c};"Siti; Rahma";siti-${c}@contoh.go.id;CPNS;Dinas Pendidikan`,
    `19860230201505100;Salah NIP;salah@contoh.go.id;PNS;Dinas Pendidikan`,
    `${a};Ganda;ganda-${a}@contoh.go.id;PNS;Dinas Pendidikan`,
    `${freshNip()};Unit Asing;asing@contoh.go.id;PNS;Dinas Pariwisata`,
    `${freshNip()};Email Terpakai;${DEMO_LOGINS.learner.email};PNS;Dinas Pendidikan`,
  ].join('\r\n')

  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/)
  await page.goto('/hr/impor')
  await expectAccessible(page)
  const fileName = `daftar-${a.slice(-6)}.csv`
  await page.getByLabel(/Berkas daftar pegawai/).setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${roster}`) })
  await page.getByRole('button', { name: 'Pratinjau' }).click()
  await expect(page.getByRole('heading', { name: 'Pratinjau: 7 baris' })).toBeVisible()
  const rejected = page.getByRole('table', { name: 'Baris yang ditolak' })
  await expect(rejected.getByRole('row')).toHaveCount(5)
  await expect(rejected).toContainText('NIP tidak valid')
  await expect(rejected).toContainText('baris 2')
  await expect(rejected).toContainText('Dinas Pariwisata')
  await expect(rejected).toContainText('Email sudah dipakai')
  await expectAccessible(page)
  const before = await e2eDb((db) => db.user.count())
  expect(await e2eDb((db) => db.user.count({ where: { nip: a } }))).toBe(0)

  const importResponse = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/hr/roster/import')
  await page.getByRole('button', { name: 'Impor 3 baris yang valid' }).click()
  await expect(page.getByText('Impor selesai: 3 akun baru dibuat')).toBeVisible()
  // Staged in short batches, then published in one short step (decision 026): its phases are in
  // Server-Timing, and nothing is left in the staging table.
  expect((await importResponse).headers()['server-timing']).toMatch(/stage;dur=[\d.]+, publish;dur=[\d.]+/)
  expect(await e2eDb((db) => db.rosterImportStaging.count())).toBe(0)
  expect(await e2eDb((db) => db.user.count())).toBe(before + 3)
  const imported = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { nip: c }, include: { unit: true } }))
  expect(imported).toMatchObject({ name: 'Siti; Rahma', employmentType: 'CPNS', claimedAt: null })
  // The people list's search finds the people the import just published (its index is kept by
  // the database for every writer, decision 030): by part of the email, and by NIP digits. (In
  // a second tab: this one keeps the import's result for the assignment below.)
  const people = await page.context().newPage()
  await people.goto(`/hr/pegawai?q=${encodeURIComponent(`MARUF-${b}@`)}`)
  await expect(people.getByTestId('jumlah-hasil')).toHaveText(/^1 pegawai/)
  await expect(people.getByRole('link', { name: "Muh. Ma'ruf" })).toBeVisible()
  await people.goto(`/hr/pegawai?q=${a.slice(4)}`)
  await expect(people.getByRole('link', { name: 'Dr. Ayu Lestari, M.Si.' })).toBeVisible()
  await people.close()

  // "The imported roster": the same file assigns its people to a cohort (here the demo one).
  await page.getByLabel('Tetapkan semua orang dalam berkas ini ke kelompok').selectOption({ label: `Orientasi ASN dan P3K ${new Date().getFullYear()}` })
  await page.getByRole('button', { name: 'Tetapkan daftar ini' }).click()
  await expect(page.getByText('Penetapan selesai: 3 ditambahkan, 0 dipindahkan dari kelompok lain.')).toBeVisible()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh kode aktivasi (CSV)' }).click()])
  const codes = parse(fs.readFileSync(await download.path()), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[]
  const codeOfA = codes.find((row) => row.NIP === a)?.['Kode Aktivasi']
  expect(codeOfA).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)

  // A later visit: the import is listed, with its accounts still waiting, and invites them again
  // by email. The CSV's codes keep working after the email (decision 052, amended): Ayu activates
  // with hers below.
  await page.goto('/hr/impor')
  const history = page.getByRole('table', { name: 'Impor sebelumnya' }).getByRole('row').filter({ hasText: fileName })
  await expect(history.getByRole('cell').nth(2)).toHaveText('3')
  await expect(history.getByRole('cell').nth(3)).toHaveText('3')
  await history.getByRole('button', { name: `Kirim undangan untuk impor ${fileName}` }).click()
  await expect(history.getByRole('status')).toHaveText('Undangan: 3 undangan masuk antrean kirim.')
  const invitedIds = (await e2eDb((db) => db.user.findMany({ where: { nip: { in: [a, b, c] } }, select: { id: true } }))).map((row) => row.id)
  expect(await e2eDb((db) => db.outboxMessage.count({ where: { kind: 'invitation', userId: { in: invitedIds } } }))).toBe(3)
  await expectAccessible(page)

  await page.goto('/hr/kelompok')
  const cohortName = `Orientasi e2e ${a.slice(-6)}`
  await page.getByLabel('Nama kelompok').fill(cohortName)
  await page.getByLabel('Tenggat').fill('2030-12-31')
  await page.getByRole('button', { name: 'Buat kelompok' }).click()
  await expect(page.getByText(`Kelompok "${cohortName}" dibuat.`)).toBeVisible()
  await page.getByLabel('Kelompok', { exact: true }).selectOption({ label: cohortName })
  await page.getByLabel('Daftar NIP pilihan').check()
  await page.getByLabel('NIP / NI PPPK (satu per baris)').fill([a, b, c].join('\n'))
  await page.getByRole('button', { name: 'Tetapkan' }).click()
  // One cohort per cycle: they move from the demo cohort to this one.
  await expect(page.getByText('Penetapan selesai: 0 ditambahkan; 3 dipindahkan dari kelompok lain.')).toBeVisible()
  await expectAccessible(page)
  const cohort = await e2eDb((db) => db.cohort.findFirstOrThrow({ where: { name: cohortName } }))
  await page.goto(`/hr?kelompok=${cohort.id}`)
  await expect(page.getByTestId('jumlah-peserta')).toHaveText('3')
  await expect(page.getByTestId('jumlah-lulus')).toHaveText('0')

  // The imported learner claims the account with the NIP and the code, and passes.
  const learner = await (await browser.newContext()).newPage()
  await learner.goto('/aktivasi')
  await expectAccessible(learner)
  await learner.getByLabel('NIP / NI PPPK').fill(a)
  await learner.getByLabel('Kode aktivasi').fill((codeOfA as string).toLowerCase())
  await learner.getByLabel('Kata sandi baru').fill('Sandi-aktivasi-2026')
  await learner.getByLabel('Ulangi kata sandi').fill('Sandi-aktivasi-2026')
  await learner.getByRole('button', { name: 'Aktifkan akun' }).click()
  await expect(learner).toHaveURL(/\/dasbor/)
  await expect(learner.getByText(`Penugasan: ${cohortName}`)).toBeVisible()
  const userA = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { nip: a } }))
  await completeAllLessons(userA.id)
  await passPostTest(learner)
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: userA.id } }))

  // The dashboard counts change.
  await page.reload()
  await expect(page.getByTestId('jumlah-lulus')).toHaveText('1')

  // Reports: CSV and XLSX contain the learner as passed with the certificate number.
  const csv = await page.request.get(`/api/hr/reports/completion?kelompok=${cohort.id}&format=csv&pemisah=titik-koma`)
  expect(csv.status()).toBe(200)
  const csvBody = await csv.body()
  expect(csvBody.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const csvRows = parse(csvBody, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[]
  expect(csvRows).toHaveLength(3)
  const rowA = csvRows.find((row) => row.NIP === a)
  expect(rowA).toMatchObject({ 'Nama Lengkap': 'Dr. Ayu Lestari, M.Si.', Status: 'Lulus', 'Nomor Sertifikat': certificate.number })

  const xlsx = await page.request.get(`/api/hr/reports/completion?kelompok=${cohort.id}&format=xlsx`)
  expect(xlsx.status()).toBe(200)
  const [header, ...dataRows] = xlsxToRows(await xlsx.body())
  const column = (name: string) => header!.indexOf(name)
  const xlsxA = dataRows.find((row) => row[column('NIP')] === a)
  expect(xlsxA?.[column('Status')]).toBe('Lulus')
  expect(xlsxA?.[column('Nomor Sertifikat')]).toBe(certificate.number)
  expect(xlsxA?.[column('Nama Lengkap')]).toBe('Dr. Ayu Lestari, M.Si.')

  // The reports page: its form downloads the same report.
  await page.goto('/hr/laporan')
  await expectAccessible(page)
  await page.getByLabel('Kelompok', { exact: true }).selectOption({ label: cohortName })
  const [pageDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Laporan penyelesaian (CSV polos untuk impor sistem)' }).click()])
  const fromPage = parse(fs.readFileSync(await pageDownload.path()), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[]
  expect(fromPage.find((row) => row.NIP === a)?.Status).toBe('Lulus')

  // Identity status: the completion report shows it (and time on task) for everyone. The SIASN
  // export has only verified identities unless HR ticks "Sertakan yang belum diverifikasi".
  // A's NIP is set verified here the way a roster match records it (issue 10's identity flow).
  await e2eDb((db) => db.user.update({ where: { id: userA.id }, data: { identityStatus: 'verified', identityMethod: 'roster', identityVerifiedAt: new Date() } }))
  await e2eDb((db) => db.lessonProgress.updateMany({ where: { userId: userA.id }, data: { activeSeconds: 150 } }))
  const withIdentity = parse(await (await page.request.get(`/api/hr/reports/completion?kelompok=${cohort.id}&format=csv`)).body(), {
    delimiter: ';',
    bom: true,
    columns: true,
  }) as Record<string, string>[]
  const lessonCount = await e2eDb((db) => db.lessonProgress.count({ where: { userId: userA.id } }))
  expect(withIdentity.find((row) => row.NIP === a)).toMatchObject({ 'Status identitas': 'Terverifikasi', 'Waktu belajar (menit)': String(Math.round((150 * lessonCount) / 60)) })
  expect(withIdentity.find((row) => row.NIP === b)?.['Status identitas']).toBeTruthy()

  const siasn = await page.request.get(`/api/hr/reports/siasn?kelompok=${cohort.id}&format=csv`)
  const siasnRows = parse(await siasn.body(), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[]
  expect(siasnRows).toHaveLength(1)
  expect(Object.values(siasnRows[0]!)).toContain(certificate.number)
  expect(Object.keys(siasnRows[0]!)).not.toContain('Status identitas')

  // The same person with only a claimed NIP: left out of SIASN by default…
  await e2eDb((db) => db.user.update({ where: { id: userA.id }, data: { identityStatus: 'claimed', identityMethod: null, identityVerifiedAt: null } }))
  const claimedOnly = parse(await (await page.request.get(`/api/hr/reports/siasn?kelompok=${cohort.id}&format=csv`)).body(), {
    delimiter: ';',
    bom: true,
    columns: true,
  }) as Record<string, string>[]
  expect(claimedOnly).toHaveLength(0)
  // …and in it, flagged, when HR asks for everyone on the reports page (XLSX read by LibreOffice).
  await page.goto('/hr/laporan')
  await page.getByLabel('Kelompok', { exact: true }).selectOption({ label: cohortName })
  await page.getByLabel('Sertakan yang belum diverifikasi').check()
  const [siasnDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor SIASN (XLSX)' }).click()])
  const [siasnHeader, ...siasnData] = xlsxToRows(fs.readFileSync(await siasnDownload.path()))
  expect(siasnHeader).toContain('Status identitas')
  expect(siasnData).toHaveLength(1)
  expect(siasnData[0]![siasnHeader!.indexOf('NIP')]).toBe(a)
  expect(siasnData[0]![siasnHeader!.indexOf('Status identitas')]).toBe('Belum diverifikasi')

  const audit = await e2eDb((db) => db.auditLog.findMany({ where: { action: { startsWith: 'report.' } }, orderBy: { at: 'asc' } }))
  expect(audit.map((entry) => entry.action)).toEqual(
    expect.arrayContaining(['report.completion.downloaded', 'report.siasn.downloaded']),
  )
  expect(JSON.parse(audit.find((entry) => entry.action === 'report.completion.downloaded')!.details)).toMatchObject({ rows: 3, completed: true })
})

test("an HR officer cannot read another agency's cohort, and a learner cannot use HR routes", async ({ page, browser }) => {
  const otherCohort = await e2eDb(async (db) => {
    const ministry = await db.agency.findUniqueOrThrow({ where: { code: 'KEMEN-DEMO' } })
    return db.cohort.create({ data: { agencyId: ministry.id, kind: 'onboarding', year: 2026, name: `Lain ${Date.now()}` } })
  })
  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/)
  const users = await e2eDb((db) => db.user.count())
  const tooLarge = await page.request.post('/api/hr/roster/preview', { data: Buffer.alloc(11 * 1024 * 1024, 65), headers: { 'x-file-name': 'besar.csv' } })
  expect(tooLarge.status()).toBe(413)
  expect((await tooLarge.json()).error.message).toMatch(/lebih dari 10 MB/)
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
  const binary = await page.request.post('/api/hr/roster/import', { data: png, headers: { 'x-file-name': 'daftar.csv', origin: new URL(page.url()).origin } })
  expect(binary.status()).toBe(422)
  expect((await binary.json()).error.message).toMatch(/bukan CSV atau XLSX|bukan berkas/i)
  expect(await e2eDb((db) => db.user.count())).toBe(users)
  for (const route of ['completion', 'siasn', 'certificates']) {
    expect((await page.request.get(`/api/hr/reports/${route}?kelompok=${otherCohort.id}&format=csv`)).status()).toBe(404)
  }
  const learner = await (await browser.newContext()).newPage()
  await signInWithForm(learner, DEMO_LOGINS.learner.email)
  await expect(learner).toHaveURL(/\/dasbor$/)
  expect((await learner.request.get(`/api/hr/reports/completion?kelompok=${otherCohort.id}`)).status()).toBe(403)
  expect((await learner.request.post('/api/hr/roster/preview', { data: 'NIP;Nama' })).status()).toBe(403)
  expect((await learner.goto('/hr/impor'))?.status()).toBe(403)
})
