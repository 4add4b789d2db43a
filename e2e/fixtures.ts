import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { DEMO_LOGINS, DEMO_PASSWORD } from '../prisma/seed/demo-data'

export { expect }
export { DEMO_LOGINS, DEMO_PASSWORD }

/** The e2e server's database (scripts/e2e-server.sh), opened read-only to check what the UI did. */
export function e2eDatabase() {
  return new Database(path.resolve(import.meta.dirname, '../tests/.data/e2e.db'), { readonly: true })
}

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${page.url()}`,
  ).toEqual([])
}

export async function signInWithForm(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto('/masuk')
  await page.getByLabel('Email atau NIP').fill(identifier)
  await page.getByLabel('Kata sandi').fill(password)
  await page.getByRole('button', { name: 'Masuk' }).click()
}

/** A structurally valid NIP that no other test is likely to use (random birth date and sequence). */
export function freshNip(): string {
  const pick = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
  const two = (n: number) => String(n).padStart(2, '0')
  const birth = `${pick(1965, 2000)}${two(pick(1, 12))}${two(pick(1, 28))}`
  return `${birth}202103${pick(1, 2)}${String(pick(1, 999)).padStart(3, '0')}`
}

export const test = base

/**
 * A learner made directly in the e2e database (registration is tested elsewhere), signed in
 * through the form in `page`'s browser context.
 */
export async function signInNewLearner(page: Page, label: string) {
  const { createDbClient } = await import('../lib/db/create-client')
  const { seedUser } = await import('../prisma/seed/seeders')
  const { db } = createDbClient(`file:${path.resolve(import.meta.dirname, '../tests/.data/e2e.db')}`)
  try {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: true } })
    const nip = freshNip()
    const user = await seedUser(db, {
      name: `Peserta ${label}`,
      email: `${label}-${nip}@contoh.go.id`,
      password: DEMO_PASSWORD,
      nip,
      employmentType: 'PNS',
      agencyId: agency.id,
      unitId: agency.units[0]?.id ?? null,
    })
    await signInWithForm(page, nip)
    await expect(page).toHaveURL(/\/dasbor/)
    return { ...user, nip }
  } finally {
    await db.$disconnect()
  }
}
