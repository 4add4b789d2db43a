/** The lesson anyone may read without an account (linked from the landing page). */
export const SAMPLE_LESSON_SLUG = 'mengapa-penting'
