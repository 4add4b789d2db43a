import { DEMO_LOGINS, DEMO_PASSWORD, e2eDatabase, expect, expectAccessible, signInNewLearner, signInWithForm, test } from './fixtures'

const NEW_PASSWORD = 'Sandi-baru-yang-kuat-7'

// Several browsers and axe runs per test: headroom for a loaded machine (decisions.md, Tests).
test.describe.configure({ timeout: 180_000 })

test('a learner changes their password on /akun: the other browser is signed out, this one stays', async ({ page, browser }) => {
  const learner = await signInNewLearner(page, 'akun')
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await signInWithForm(other, learner.nip)
  await expect(other).toHaveURL(/\/dasbor/)

  await page.getByRole('link', { name: 'Akun' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Kata sandi saat ini').fill('bukan-sandi-ini-1')
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Ganti kata sandi' }).click()
  await expect(page.getByText('Kata sandi saat ini salah.')).toBeVisible()

  await page.getByLabel('Kata sandi saat ini').fill(DEMO_PASSWORD)
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Ganti kata sandi' }).click()
  await expect(page).toHaveURL(/\/akun\?sandi=diganti/)
  await expect(page.getByRole('status').filter({ hasText: 'Kata sandi diganti' })).toBeVisible()
  await expectAccessible(page)

  await page.goto('/dasbor')
  await expect(page).toHaveURL(/\/dasbor/)
  await other.goto('/dasbor')
  await expect(other).toHaveURL(/\/masuk\?kembali=%2Fdasbor/)
  await signInWithForm(other, learner.nip, NEW_PASSWORD)
  await expect(other).toHaveURL(/\/dasbor/)

  const db = e2eDatabase()
  const audit = db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'user.password_changed' AND targetId = ?").get(learner.id) as { n: number }
  db.close()
  expect(audit.n).toBe(1)
  await otherContext.close()
})

test('"Keluar dari semua perangkat" ends the sessions of every browser', async ({ page, browser }) => {
  const learner = await signInNewLearner(page, 'semua')
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await signInWithForm(other, learner.nip)
  await expect(other).toHaveURL(/\/dasbor/)

  await page.goto('/akun')
  await page.getByRole('button', { name: 'Keluar dari semua perangkat' }).click()
  await expect(page).toHaveURL(/\/masuk\?keluar=semua/)
  await expect(page.getByRole('status')).toHaveText('Anda sudah keluar dari semua perangkat.')
  await expectAccessible(page)

  await other.goto('/sertifikat')
  await expect(other).toHaveURL(/\/masuk\?kembali=%2Fsertifikat/)
  const db = e2eDatabase()
  const sessions = db.prepare('SELECT COUNT(*) AS n FROM session WHERE userId = ?').get(learner.id) as { n: number }
  db.close()
  expect(sessions.n).toBe(0)
  await otherContext.close()
})

test('HR issues a one-time reset code; the person sets a new password with it, and the code works once', async ({ page, browser }) => {
  const learnerContext = await browser.newContext()
  const learnerPage = await learnerContext.newPage()
  const learner = await signInNewLearner(learnerPage, 'lupa')

  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr/)
  await page.goto(`/hr/pegawai/${learner.id}`)
  await page.getByRole('button', { name: 'Buat kode atur ulang kata sandi' }).click()
  const status = page.getByRole('status').filter({ hasText: 'Kode atur ulang kata sandi untuk' })
  await expect(status).toBeVisible()
  await expectAccessible(page)
  const code = (await status.textContent())?.match(/([0-9A-Z]{5}-[0-9A-Z]{5})/)?.[1]
  expect(code).toBeTruthy()

  // Signed in elsewhere until the code is used.
  await learnerPage.goto('/masuk')
  await learnerPage.goto('/dasbor')
  await expect(learnerPage).toHaveURL(/\/dasbor/)

  const forgot = await (await browser.newContext()).newPage()
  await forgot.goto('/masuk')
  await forgot.getByRole('link', { name: /Atur ulang dengan kode/ }).click()
  await expect(forgot.getByRole('heading', { level: 1, name: 'Atur ulang kata sandi' })).toBeVisible()
  await expectAccessible(forgot)
  const fill = async (password: string) => {
    await forgot.getByLabel('NIP / NI PPPK').fill(learner.nip)
    await forgot.getByLabel('Kode atur ulang').fill(code!)
    await forgot.getByLabel('Kata sandi baru').fill(password)
    await forgot.getByLabel('Ulangi kata sandi').fill(password)
    await forgot.getByRole('button', { name: 'Atur ulang kata sandi' }).click()
  }
  await fill(NEW_PASSWORD)
  await expect(forgot).toHaveURL(/\/masuk\?sandi=diatur-ulang/)
  await expect(forgot.getByRole('status')).toHaveText(/Kata sandi sudah diatur ulang/)

  await learnerPage.goto('/dasbor')
  await expect(learnerPage).toHaveURL(/\/masuk/)

  await forgot.goto('/atur-ulang-sandi')
  await fill('Sandi-orang-lain-8')
  await expect(forgot.getByRole('alert').filter({ hasText: 'sudah dipakai' })).toBeVisible()

  await signInWithForm(forgot, learner.nip, NEW_PASSWORD)
  await expect(forgot).toHaveURL(/\/dasbor/)

  const db = e2eDatabase()
  const actions = db.prepare("SELECT action FROM audit_log WHERE targetId = ? AND action IN ('user.reset_code_issued', 'user.password_reset') ORDER BY at").all(learner.id)
  db.close()
  expect(actions).toEqual([{ action: 'user.reset_code_issued' }, { action: 'user.password_reset' }])
  await learnerContext.close()
})
