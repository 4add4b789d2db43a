import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { DEFAULT_COURSE_SETTINGS, resolveSettings, type CourseSettings } from '@/lib/settings/course-settings'
import { refused, type AdminResult } from './form-result'
import { changedSettings, parseSettingsForm, SETTING_KEYS, type SettingKey } from './settings-form'

type Reader = Pick<typeof db, 'setting'>

async function currentSettings(client: Reader): Promise<CourseSettings> {
  const rows = await client.setting.findMany({ select: { key: true, value: true } })
  return resolveSettings(rows, { ...DEFAULT_COURSE_SETTINGS, publicBaseUrl: env.PUBLIC_BASE_URL })
}

/** The settings in force, and when and by whom each stored one was last changed. */
export async function getSettingsForAdmin() {
  const [settings, rows] = await Promise.all([
    currentSettings(db),
    db.setting.findMany({ where: { key: { in: [...SETTING_KEYS] } }, select: { key: true, updatedAt: true } }),
  ])
  return { settings, updatedAt: rows.reduce<Date | null>((latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest), null) }
}

export type SettingsChange = Partial<Record<SettingKey, { old: unknown; new: unknown }>>

/**
 * Validates the whole form, then writes the changed keys and one `settings.updated` audit entry
 * in one transaction. A validation error writes nothing; an unchanged form writes nothing.
 */
export async function updateCourseSettings(actorId: string, raw: Record<string, string | undefined>): Promise<AdminResult<SettingsChange>> {
  const parsed = parseSettingsForm(raw)
  if (!parsed.ok) return refused(parsed.fieldErrors)
  const next = parsed.settings
  const changed = await db.$transaction(async (tx) => {
    const changes = changedSettings(await currentSettings(tx), next)
    const keys = Object.keys(changes) as SettingKey[]
    if (keys.length === 0) return changes
    for (const key of keys) {
      const value = JSON.stringify(next[key])
      await tx.setting.upsert({ where: { key }, create: { key, value, updatedById: actorId }, update: { value, updatedById: actorId } })
    }
    await writeAudit({ action: 'settings.updated', actorId, targetType: 'settings', targetId: 'course', details: { changed: changes } }, tx)
    return changes
  })
  return { ok: true, value: changed }
}
