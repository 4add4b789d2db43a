import 'server-only'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { DEFAULT_COURSE_SETTINGS, resolveSettings, type CourseSettings } from './course-settings'

/** The course settings now in force (read per request: an admin's change applies at once). */
export async function getCourseSettings(): Promise<CourseSettings> {
  const rows = await db.setting.findMany({ select: { key: true, value: true } })
  return resolveSettings(rows, { ...DEFAULT_COURSE_SETTINGS, publicBaseUrl: env.PUBLIC_BASE_URL })
}
