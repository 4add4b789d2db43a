import type { Page } from '@playwright/test'
import { DEMO_LOGINS, DEMO_PASSWORD, e2eDb, expect, expectAccessible, signInNewLearner, signInWithForm, test } from './fixtures'

async function signInAdmin(page: Page) {
  await signInWithForm(page, DEMO_LOGINS.admin.email)
  await expect(page).toHaveURL(/\/admin$/)
}

const settingsAudits = () => e2eDb((db) => db.auditLog.findMany({ where: { action: 'settings.updated' }, orderBy: { at: 'asc' } }))

test('an admin changes the pass mark, sees old and new value in the audit log; a forged action from a learner changes nothing', async ({ page, browser }) => {
  await signInAdmin(page)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Pengaturan kursus' }).first().click()
  await expect(page).toHaveURL(/\/admin\/pengaturan$/)
  const passMark = page.getByLabel('Nilai kelulusan')
  await expect(passMark).toHaveValue('80')

  // A value out of range is refused field by field, in Bahasa Indonesia, and nothing is written.
  await passMark.fill('101')
  await page.getByLabel('Alamat publik untuk verifikasi').fill('bukan alamat')
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click()
  await expect(page.getByText('Nilai kelulusan harus antara 50 dan 100.')).toBeVisible()
  await expect(page.getByText(/Alamat publik untuk verifikasi harus alamat lengkap/)).toBeVisible()
  await expect(page.getByText('Periksa kembali 2 isian yang ditandai di bawah.')).toBeVisible()
  await expect(passMark).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  expect(await settingsAudits()).toEqual([])
  // Nothing written by anyone (the seed's certificate signer rows have no author).
  expect(await e2eDb((db) => db.setting.count({ where: { updatedById: { not: null } } }))).toBe(0)

  await passMark.fill('75')
  await page.getByLabel('Alamat publik untuk verifikasi').fill(new URL(page.url()).origin)
  const submitted = page.waitForRequest((request) => request.method() === 'POST' && !!request.headers()['next-action'])
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click()
  const actionRequest = await submitted
  await expect(page.getByText('Pengaturan disimpan (nilai kelulusan).')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Nilai kelulusan')).toHaveValue('75')

  const stored = await e2eDb((db) => db.setting.findUniqueOrThrow({ where: { key: 'passMark' } }))
  expect(stored.value).toBe('75')
  const audits = await settingsAudits()
  expect(audits).toHaveLength(1)
  expect(JSON.parse(audits[0]!.details)).toEqual({ changed: { passMark: { old: 80, new: 75 } } })

  await page.goto('/admin/audit?aksi=settings.')
  const row = page.getByRole('row').filter({ hasText: 'settings.updated' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Admin Platform')
  await expect(row).toContainText('WIB')
  await expect(row.locator('pre')).toContainText('"passMark"')
  await expect(row.locator('pre')).toContainText('"old": 80')
  await expect(row.locator('pre')).toContainText('"new": 75')
  await expectAccessible(page)
  // "Sampai tanggal" before the change: nothing there, and a way back to the newest entries.
  await page.getByLabel('Sampai tanggal').fill('2020-01-31')
  await page.getByRole('button', { name: 'Saring' }).click()
  await expect(page).toHaveURL(/sampai=2020-01-31/)
  await expect(page.getByText('Tidak ada catatan sesuai saringan di sini.')).toBeVisible()
  await page.getByRole('link', { name: 'Terbaru' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'settings.updated' })).toHaveCount(1)
  // A link kept from before (a key older than every entry): an empty page, still with the way back.
  await page.goto('/admin/audit?sebelum=1000.tidak-ada')
  await expect(page.getByText('Tidak ada catatan di sini.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Terbaru' })).toHaveAttribute('href', '/admin/audit')

  // A learner replays the admin's server-action request with another pass mark: refused, nothing written.
  const learner = await (await browser.newContext()).newPage()
  await signInNewLearner(learner, 'admin-palsu')
  const body = actionRequest.postDataBuffer()!.toString('latin1')
  const forged = body.replace(/(name="[^"]*passMark"\r\n\r\n)75/, '$155')
  expect(forged).not.toBe(body)
  const response = await learner.request.post('/admin/pengaturan', {
    headers: { 'next-action': actionRequest.headers()['next-action']!, 'content-type': actionRequest.headers()['content-type']!, accept: 'text/x-component' },
    data: Buffer.from(forged, 'latin1'),
  })
  expect(response.status()).not.toBe(200)
  expect((await e2eDb((db) => db.setting.findUniqueOrThrow({ where: { key: 'passMark' } }))).value).toBe('75')
  expect(await settingsAudits()).toHaveLength(1)
  // Other tests share this database: put the default pass mark back.
  await e2eDb((db) => db.setting.deleteMany({ where: { key: 'passMark' } }))
})

test('an admin creates an agency with a unit and appoints an HR officer, who can then open /hr', async ({ page, browser }) => {
  const suffix = Date.now().toString(36).toUpperCase()
  const code = `E2E-${suffix}`
  const email = `calon-hr-${suffix.toLowerCase()}@contoh.go.id`
  const { seedUser } = await import('../prisma/seed/seeders')
  await e2eDb((db) => seedUser(db, { name: `Calon HR ${suffix}`, email, password: DEMO_PASSWORD }))

  await signInAdmin(page)
  await page.goto('/admin/instansi')
  await expectAccessible(page)
  await page.getByLabel('Kode instansi').fill('ada spasi')
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Uji Coba')
  await page.getByRole('button', { name: 'Tambah instansi' }).click()
  await expect(page.getByText(/Kode hanya boleh berisi huruf kapital/)).toBeVisible()
  await expect(page.getByLabel('Nama instansi')).toHaveValue('Pemerintah Kabupaten Uji Coba')
  await page.getByLabel('Kode instansi').fill(code.toLowerCase())
  await page.getByRole('button', { name: 'Tambah instansi' }).click()
  await expect(page).toHaveURL(/\/admin\/instansi\/[^/?]+\?baru=1$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pemerintah Kabupaten Uji Coba')
  await expect(page.getByText(`Instansi ${code} dibuat.`)).toBeVisible()

  await page.getByLabel('Nama unit kerja').fill('Bagian Organisasi')
  await page.getByRole('button', { name: 'Tambah unit' }).click()
  await expect(page.getByText('Unit kerja "Bagian Organisasi" ditambahkan.')).toBeVisible()
  await expect(page.getByRole('heading', { name: /Bagian Organisasi/ })).toBeVisible()
  await page.getByLabel('Nama unit kerja').fill('bagian ORGANISASI')
  await page.getByRole('button', { name: 'Tambah unit' }).click()
  await expect(page.getByText(/Unit kerja "Bagian Organisasi" sudah ada di Pemerintah Kabupaten Uji Coba/)).toBeVisible()
  await expectAccessible(page)

  const agency = await e2eDb((db) => db.agency.findUniqueOrThrow({ where: { code }, include: { units: true } }))
  expect(agency.units.map((unit) => unit.name)).toEqual(['Bagian Organisasi'])
  expect(await e2eDb((db) => db.auditLog.count({ where: { agencyId: agency.id, action: { in: ['agency.created', 'unit.created'] } } }))).toBe(2)

  await page.goto(`/admin/pengguna?q=${encodeURIComponent(email)}`)
  await expectAccessible(page)
  const results = page.getByRole('table', { name: 'Hasil pencarian pengguna' })
  await results.getByLabel(`Instansi yang dikelola Calon HR ${suffix}`).selectOption(agency.id)
  // The button names the person (with their email or masked NIP), so namesakes' buttons differ.
  await results.getByRole('button', { name: new RegExp(`^Jadikan Calon HR ${suffix} \\(.+\\) admin kepegawaian$`) }).click()
  await expect(page.getByText(`Calon HR ${suffix} sekarang admin kepegawaian Pemerintah Kabupaten Uji Coba.`).first()).toBeVisible()
  const appointed = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { email }, include: { grants: true } }))
  expect(appointed).toMatchObject({ agencyId: agency.id, grants: [{ capability: 'hr', agencyId: agency.id }] })
  const grantAudit = await e2eDb((db) => db.auditLog.findFirstOrThrow({ where: { action: 'capability.granted', targetId: appointed.id } }))
  expect(JSON.parse(grantAudit.details)).toEqual({ capability: 'hr', agencyId: agency.id, unitId: null })

  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, email)
  await expect(hr).toHaveURL(/\/hr$/)
  expect((await hr.goto('/hr'))?.status()).toBe(200)
  expect((await hr.goto('/admin'))?.status()).toBe(403)
})

test('a learner gets 403 on every admin page', async ({ page }) => {
  const agency = await e2eDb((db) => db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } }))
  await signInNewLearner(page, 'bukan-admin')
  for (const path of ['/admin', '/admin/instansi', `/admin/instansi/${agency.id}`, '/admin/pengguna?q=demo', '/admin/pengaturan', '/admin/audit', '/admin/sertifikat']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak')
  }
})

test('the admin pages pass axe with data on them', async ({ page }) => {
  const agency = await e2eDb((db) => db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } }))
  await signInAdmin(page)
  for (const path of ['/admin', '/admin/instansi', `/admin/instansi/${agency.id}`, '/admin/pengguna?q=demo.go.id', '/admin/pengaturan', '/admin/audit']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expectAccessible(page)
  }
  // An admin cannot demote themselves: no form for their own row.
  await page.goto('/admin/pengguna?q=admin%40demo.go.id')
  // Nor disable their own account: both the role and the access column say so, with no button.
  const ownRow = page.getByRole('table', { name: 'Hasil pencarian pengguna' }).getByRole('row').filter({ hasText: 'admin@demo.go.id' })
  await expect(ownRow.getByText('Akun Anda sendiri')).toHaveCount(2)
  await expect(ownRow.getByRole('button')).toHaveCount(0)
})

test('the outbox pages older and newer from a key, filters by status and counts each status (decision 068)', async ({ page }) => {
  // 53 messages from 2020, older than any other test's, so a page that starts at 2021 holds only
  // them: two in each millisecond, every tenth failed.
  const prefix = `e2eobx${Date.now().toString(36)}`
  const subjects = Array.from({ length: 53 }, (_, i) => `Pesan uji halaman ${String(i).padStart(2, '0')}`)
  await e2eDb((db) =>
    db.outboxMessage.createMany({
      data: subjects.map((subject, i) => ({
        id: `${prefix}${String(i).padStart(2, '0')}`,
        idempotencyKey: `${prefix}${i}`,
        kind: 'test',
        toAddress: `${prefix}${i}@contoh.go.id`,
        toName: 'Penerima Uji',
        subject,
        text: 'teks',
        html: '<p>teks</p>',
        status: i % 10 === 0 ? ('failed' as const) : ('sent' as const),
        createdAt: new Date(Date.parse('2020-06-01T00:00:00Z') + Math.floor(i / 2) * 60_000),
      })),
    }),
  )
  try {
    await signInAdmin(page)
    const table = page.getByRole('table', { name: 'Pesan email, terbaru di atas' })
    const rows = table.getByRole('row')
    const pager = page.getByRole('navigation', { name: 'Halaman kotak keluar' })
    await page.goto(`/admin/kotak-keluar?sebelum=${Date.parse('2021-01-01T00:00:00Z')}.z`)
    // Newest first: 52 (alone in its minute), then 51 and 50 (same millisecond: the larger id first) …
    await expect(rows).toHaveCount(51)
    await expect(rows.nth(1)).toContainText(subjects[52]!)
    await expect(rows.nth(2)).toContainText(subjects[51]!)
    await expect(page.getByText(/^50 pesan, dibuat .* sampai .*\. Terbaru di atas\./)).toBeVisible()
    await expect(pager.getByRole('link', { name: 'Terbaru' })).toHaveAttribute('href', '/admin/kotak-keluar')
    await expectAccessible(page)

    await pager.getByRole('link', { name: 'Lebih lama →' }).click()
    await expect(rows).toHaveCount(4)
    await expect(rows.nth(3)).toContainText(subjects[0]!)
    await expect(pager.getByRole('link', { name: 'Lebih lama →' })).toHaveCount(0)
    await pager.getByRole('link', { name: '← Lebih baru' }).click()
    await expect(rows).toHaveCount(51)
    await expect(rows.nth(50)).toContainText(subjects[3]!)

    // The status filter keeps its start; its link carries the count of that status.
    await page.goto(`/admin/kotak-keluar?status=failed&sebelum=${Date.parse('2021-01-01T00:00:00Z')}.z`)
    await expect(rows).toHaveCount(7)
    await expect(page.getByRole('navigation', { name: 'Saring menurut status' }).getByRole('link', { name: /^Gagal \(\d+\)$/ })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByText(/^6 pesan berstatus gagal, dibuat/)).toBeVisible()
  } finally {
    await e2eDb((db) => db.outboxMessage.deleteMany({ where: { id: { startsWith: prefix } } }))
  }
})
