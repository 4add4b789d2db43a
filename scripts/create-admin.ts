/**
 * `npm run admin:create -- --email admin@instansi.go.id --name "Nama Lengkap"`: the first admin of
 * a real deployment (docs/deploy.md), or the admin grant for an existing account with that email.
 * The password comes from ADMIN_PASSWORD, or one is generated and printed once: change it at the
 * first sign-in. Uses DATABASE_URL like the app.
 */
import { parseArgs } from 'node:util'
import { createPlatformAdmin } from '@/lib/admin/platform-admin.server'
import { db } from '@/lib/db/db.server'

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
const result = await createPlatformAdmin({ email: values.email, name: values.name, password: process.env.ADMIN_PASSWORD })
await db.$disconnect()
if (!result.ok) {
  for (const [field, message] of Object.entries(result.fieldErrors)) console.error(`--${field === 'password' ? 'ADMIN_PASSWORD' : field}: ${message}`)
  process.exit(1)
}
if (result.created) console.log(`Akun admin dibuat untuk ${values.email}.`)
else console.log(result.granted ? `Akun ${values.email} sekarang admin platform.` : `Akun ${values.email} sudah admin platform; tidak ada yang diubah.`)
if (result.generatedPassword) console.log(`Kata sandi sementara (ganti saat pertama masuk, di /akun): ${result.generatedPassword}`)
