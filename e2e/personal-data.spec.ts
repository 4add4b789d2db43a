import fs from 'node:fs'
import { DEMO_LOGINS, e2eDb, expect, expectAccessible, signInNewLearner, signInWithForm, test } from './fixtures'

// "Data saya" (issue 15, UU 27/2022): a person reads and downloads everything held about them; an
// HR officer's look at their page is recorded and shows up there, without the officer's identity.
test('a learner downloads their data; an HR officer viewing their page is recorded in it', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const learner = await signInNewLearner(page, 'data-saya')

  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, DEMO_LOGINS.hr.email)
  await expect(hr).toHaveURL(/\/hr$/, { timeout: 30_000 })
  await hr.goto(`/hr/pegawai/${learner.id}`)
  await expect(hr.getByRole('heading', { level: 1 })).toHaveText(learner.name)
  const viewed = await e2eDb((db) => db.auditLog.findFirst({ where: { action: 'person.viewed', targetId: learner.id }, include: { actor: { select: { email: true } } } }))
  expect(viewed?.actor?.email).toBe(DEMO_LOGINS.hr.email)

  await page.goto('/akun')
  await page.getByRole('link', { name: 'Data saya' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Data saya' })).toBeVisible()
  await expect(page.getByText(learner.email)).toBeVisible()
  await expect(page.getByText(learner.nip, { exact: true })).toBeVisible()
  await expectAccessible(page)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh semua data saya (JSON)' }).click()])
  expect(download.suggestedFilename()).toMatch(/^data-saya-\d{4}-\d{2}-\d{2}\.json$/)
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'))
  expect(data.person).toMatchObject({ id: learner.id, name: learner.name, email: learner.email, nip: learner.nip })
  expect(data.sessions.length).toBeGreaterThanOrEqual(1)
  expect(data.auditLog).toContainEqual(expect.objectContaining({ action: 'person.viewed', by: 'petugas' }))
  const text = JSON.stringify(data)
  expect(text).not.toContain(DEMO_LOGINS.hr.email)
  expect(text).not.toContain(DEMO_LOGINS.hr.nip)
  const { password } = await e2eDb((db) => db.account.findFirstOrThrow({ where: { userId: learner.id } }))
  expect(text).not.toContain(password!)
  expect(await e2eDb((db) => db.auditLog.count({ where: { action: 'personal_data.downloaded', actorId: learner.id } }))).toBe(1)

  // The notice they accepted is public and accessible.
  await page.goto('/privasi')
  await expect(page.getByRole('heading', { level: 1, name: 'Pemberitahuan Privasi' })).toBeVisible()
  await expectAccessible(page)

  // Signed out, the file is not served.
  const anonymous = await (await browser.newContext()).request.get(`${new URL(page.url()).origin}/akun/data-saya/json`)
  expect(anonymous.status()).toBe(401)
})
