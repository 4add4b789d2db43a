import { DEMO_LOGINS, e2eDatabase, expect, expectAccessible, signInNewLearner, signInWithForm, test } from './fixtures'

const NEW_PASSWORD = 'Sandi-baru-dari-email-5'

// The e2e server has no SMTP_URL (the demo): the message waits in the outbox, and the admin
// reads it in "Kotak keluar" exactly as it would be sent.
test('"Lupa kata sandi?" emails a one-time link; using it sets a new password and ends the old session', async ({ page, browser }) => {
  const learnerContext = await browser.newContext()
  const learnerPage = await learnerContext.newPage()
  const learner = await signInNewLearner(learnerPage, 'lupa-email')

  // Someone who forgot: the sign-in page → "Lupa kata sandi?".
  const forgotContext = await browser.newContext()
  const forgot = await forgotContext.newPage()
  await forgot.goto('/masuk')
  await forgot.getByRole('link', { name: 'Lupa kata sandi?' }).click()
  await expect(forgot.getByRole('heading', { level: 1, name: 'Lupa kata sandi' })).toBeVisible()
  await expectAccessible(forgot)
  await forgot.getByLabel('Email').fill(learner.email.toUpperCase())
  await forgot.getByRole('button', { name: 'Kirim tautan atur ulang' }).click()
  await expect(forgot.getByRole('status')).toHaveText(/Jika alamat itu terdaftar/, { timeout: 30_000 })

  // An unknown address gets the same answer.
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto('/lupa-sandi')
  await stranger.getByLabel('Email').fill('tidak-terdaftar@contoh.go.id')
  await stranger.getByRole('button', { name: 'Kirim tautan atur ulang' }).click()
  await expect(stranger.getByRole('status')).toHaveText(/Jika alamat itu terdaftar/, { timeout: 30_000 })

  // The admin's outbox lists it; its preview shows the text and the HTML.
  await signInWithForm(page, DEMO_LOGINS.admin.email)
  await expect(page).toHaveURL(/\/admin/, { timeout: 30_000 })
  await page.goto('/admin/kotak-keluar')
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak keluar' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(/SMTP_URL kosong/)
  const row = page.getByRole('row').filter({ hasText: learner.email })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Menunggu')
  await expect(page.getByRole('row').filter({ hasText: 'tidak-terdaftar@contoh.go.id' })).toHaveCount(0)
  await expectAccessible(page)
  await row.getByRole('link', { name: 'Atur ulang kata sandi Bijak Bermedia Sosial' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Atur ulang kata sandi Bijak Bermedia Sosial' })).toBeVisible()
  const text = (await page.getByTestId('mail-text').textContent()) ?? ''
  const link = /http:\/\/localhost:\d+\/atur-ulang-sandi\/email\?token=[A-Za-z0-9_-]{43}/.exec(text)?.[0]
  expect(link, text).toBeTruthy()
  const preview = page.frameLocator('iframe[title^="Pratinjau HTML"]')
  await expect(preview.getByRole('link', { name: 'Buat kata sandi baru' })).toHaveAttribute('href', link!)
  await expectAccessible(page)

  // Still signed in elsewhere until the link is used.
  await learnerPage.goto('/dasbor')
  await expect(learnerPage).toHaveURL(/\/dasbor/)

  await forgot.goto(link!)
  await expect(forgot.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' })).toBeVisible()
  await expectAccessible(forgot)
  await forgot.getByLabel('Kata sandi baru').fill(NEW_PASSWORD)
  await forgot.getByLabel('Ulangi kata sandi').fill(NEW_PASSWORD)
  await forgot.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
  await expect(forgot).toHaveURL(/\/masuk\?sandi=diatur-ulang/, { timeout: 30_000 })
  await expect(forgot.getByRole('status')).toHaveText(/Kata sandi sudah diatur ulang/)

  // The old session is gone.
  await learnerPage.goto('/dasbor')
  await expect(learnerPage).toHaveURL(/\/masuk/)

  // The link works once.
  await forgot.goto(link!)
  await expect(forgot.getByRole('alert').filter({ hasText: 'tidak berlaku lagi' })).toBeVisible()
  await expect(forgot.getByLabel('Kata sandi baru')).toHaveCount(0)

  await signInWithForm(forgot, learner.email, NEW_PASSWORD)
  await expect(forgot).toHaveURL(/\/dasbor/, { timeout: 30_000 })

  const db = e2eDatabase()
  const messages = db.prepare("SELECT status, kind FROM outbox_message WHERE toAddress = ?").all(learner.email)
  const links = db.prepare("SELECT COUNT(*) AS n FROM verification WHERE value = ? AND identifier LIKE 'reset-link:%'").get(learner.id) as { n: number }
  const sessions = db.prepare('SELECT COUNT(*) AS n FROM session WHERE userId = ?').get(learner.id) as { n: number }
  db.close()
  expect(messages).toEqual([{ status: 'pending', kind: 'password-reset' }])
  expect(links.n).toBe(0)
  // Only the session just signed in with the new password.
  expect(sessions.n).toBe(1)
  await learnerContext.close()
  await forgotContext.close()
})
