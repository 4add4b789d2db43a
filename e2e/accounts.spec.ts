import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  e2eDatabase,
  expect,
  expectAccessible,
  freshNip,
  signInWithForm,
  test,
} from './fixtures'
import { PRIVACY_NOTICE_VERSION } from '../lib/privacy/notice'

test('a new learner registers, signs out, signs in with the NIP and sees the dashboard', async ({ page }) => {
  const nip = freshNip()
  const email = `baru-${nip}@contoh.go.id`
  const name = "Muh. Ma'ruf O'Neil, S.Sos."

  await page.goto('/')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Mulai belajar' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar' })).toBeVisible()
  await expectAccessible(page)

  await expect(page.getByRole('link', { name: 'Pemberitahuan Privasi' }).first()).toHaveAttribute('href', '/privasi')
  await page.getByLabel('Nama lengkap dengan gelar').fill(name)
  await page.getByLabel('PPPK (P3K)').check()
  await expect(page.getByLabel('NI PPPK')).toBeVisible()
  await page.getByLabel('PNS', { exact: true }).check()
  await page.getByLabel('NIP', { exact: true }).fill(nip)
  await page.getByLabel('Instansi').selectOption({ label: 'Pemerintah Kota Demo Raya' })
  await page.getByLabel('Unit kerja').selectOption({ label: 'Dinas Pendidikan' })
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Kata sandi', { exact: true }).fill('Sandi-yang-kuat-2026')
  await page.getByLabel('Ulangi kata sandi').fill('Sandi-yang-kuat-2026')
  await page.getByRole('button', { name: 'Buat akun' }).click()

  await expect(page).toHaveURL(/\/dasbor/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${name}`)
  await expect(page.getByText(`NIP ${nip.slice(0, 4)}••••••••••${nip.slice(-4)}`)).toBeVisible()
  await expectAccessible(page)

  const db = e2eDatabase()
  const row = db
    .prepare(
      'SELECT name, employmentType, (SELECT COUNT(*) FROM capability_grant g WHERE g.userId = user.id) AS grants, (SELECT GROUP_CONCAT(version) FROM privacy_acceptance p WHERE p.userId = user.id) AS privacy FROM user WHERE nip = ?',
    )
    .get(nip)
  db.close()
  // Registering accepts the privacy notice linked under the form (UU 27/2022): its version is recorded.
  expect(row).toEqual({ name, employmentType: 'PNS', grants: 0, privacy: PRIVACY_NOTICE_VERSION })

  await page.getByRole('button', { name: 'Keluar' }).click()
  await expect(page).toHaveURL('/')
  await page.goto('/dasbor')
  await expect(page).toHaveURL(/\/masuk\?kembali=%2Fdasbor/)
  await expectAccessible(page)

  await page.getByLabel('Email atau NIP').fill(nip)
  await page.getByLabel('Kata sandi').fill('Sandi-yang-kuat-2026')
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page).toHaveURL(/\/dasbor$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${name}`)

  // A lesson page (static, decision 008) has the same "Keluar" as every other page.
  await page.goto('/belajar/aspek-etika')
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('button', { name: 'Keluar' }).click()
  await expect(page).toHaveURL('/')
  await page.goto('/dasbor')
  await expect(page).toHaveURL(/\/masuk\?kembali=%2Fdasbor/)
})

test('registration shows what is wrong, field by field, keeps what was typed and creates nothing', async ({ page }) => {
  const countUsers = () => {
    const db = e2eDatabase()
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM user').get() as { n: number }
    db.close()
    return n
  }
  const before = countUsers()
  await page.goto('/daftar')
  await page.getByLabel('Nama lengkap dengan gelar').fill('<b>Sari</b>')
  await page.getByLabel('PNS', { exact: true }).check()
  await page.getByLabel('NIP', { exact: true }).fill('19860230201505100')
  await page.getByLabel('Email').fill('bukan-email')
  await page.getByLabel('Kata sandi', { exact: true }).fill('pendek')
  await page.getByRole('button', { name: 'Buat akun' }).click()

  await expect(page.getByRole('main').getByRole('alert')).toContainText('Periksa kembali')
  await expect(page.getByText('NIP harus 18 digit; yang Anda ketik 17 digit.')).toBeVisible()
  await expect(page.getByText('Format email tidak valid')).toBeVisible()
  await expect(page.getByText('Kata sandi minimal 10 karakter.')).toBeVisible()
  await expect(page.getByText('Pilih instansi.')).toBeVisible()
  await expect(page.getByText(/Nama hanya boleh berisi huruf/)).toBeVisible()
  await expect(page.getByLabel('NIP', { exact: true })).toHaveValue('19860230201505100')
  await expect(page.getByLabel('NIP', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  expect(countUsers()).toBe(before)
})

test('an HR officer cannot open /admin, and a learner cannot open /hr', async ({ browser }) => {
  // One browser context per person, so their sessions do not mix.
  const newPage = async () => (await browser.newContext()).newPage()
  const hr = await newPage()
  await signInWithForm(hr, DEMO_LOGINS.hr.email)
  await expect(hr).toHaveURL(/\/hr$/)
  await expect(hr.getByRole('heading', { level: 1 })).toContainText('Pemerintah Kota Demo Raya')
  await expectAccessible(hr)
  const adminResponse = await hr.goto('/admin')
  expect(adminResponse?.status()).toBe(403)
  await expect(hr.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak')
  await expect(hr.getByText('Log audit terbaru')).toHaveCount(0)
  await expectAccessible(hr)

  const learner = await newPage()
  await signInWithForm(learner, DEMO_LOGINS.learner.nip)
  await expect(learner).toHaveURL(/\/dasbor$/)
  const hrResponse = await learner.goto('/hr')
  expect(hrResponse?.status()).toBe(403)
  await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak')
  expect((await learner.goto('/admin'))?.status()).toBe(403)

  const admin = await newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin$/)
  await expect(admin.getByRole('heading', { name: 'Log audit terbaru' })).toBeVisible()
  await expectAccessible(admin)
})

test('wrong passwords get one message, and ten in a row lock the account for a while', async ({ page }) => {
  await page.goto('/masuk')
  await expectAccessible(page)
  const password = page.getByLabel('Kata sandi')
  for (let i = 0; i < 10; i++) {
    await page.getByLabel('Email atau NIP').fill('kepegawaian-palsu@demo.go.id')
    await password.fill(`salah-${i}-sandi`)
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Masuk' }).click(),
    ])
    // The form resets after each answer; wait for that before typing the next attempt.
    await expect(password).toHaveValue('')
    await expect(page.getByRole('main').getByRole('alert')).toBeVisible()
  }
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Terlalu banyak percobaan masuk yang gagal')
})

test('a wrong password for a real account is refused without saying which field was wrong', async ({ page }) => {
  await signInWithForm(page, DEMO_LOGINS.admin.email, `${DEMO_PASSWORD}-salah`)
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email/NIP atau kata sandi salah.')
  await expect(page).toHaveURL(/\/masuk/)
})

test('an unknown address shows a friendly page', async ({ page }) => {
  const response = await page.goto('/tidak-ada-halaman-ini')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan')
  await expectAccessible(page)
})

test('pages fit a 360 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const path of ['/', '/masuk', '/daftar']) {
    await page.goto(path)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, path).toBeLessThanOrEqual(0)
  }
})
