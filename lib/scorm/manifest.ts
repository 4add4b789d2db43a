/**
 * The manifests of the exported course packages (decision 051): `imsmanifest.xml` for SCORM 1.2
 * (IMS Content Packaging 1.1.2 with the ADL SCORM 1.2 extensions) and `cmi5.xml` (the cmi5 course
 * structure). Plain functions; both are checked against the vendored XSDs (vendor/scorm12-xsd,
 * vendor/cmi5-xsd) by tests/integration/scorm-export.test.ts.
 */

export type PackageCourse = {
  /** Stable identifier of the course (an IRI for cmi5; a token is derived for SCORM). */
  id: string
  title: string
  description: string
  /** Content version (lib/content/lessons.server.ts getContentVersion): part of the identifiers. */
  version: string
  /** Pass mark on the 0–100 scale. */
  passMark: number
  /** The page the LMS launches, relative to the package root. */
  launch: string
  /** Every file of the package (relative paths), listed as the SCO's resource files. */
  files: string[]
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!)
}

/** An XML `ID`/`NCName` token from any text (letters, digits, `-`, `_`, `.`; starts with a letter). */
export function xmlIdToken(text: string): string {
  const token = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z]+/, '')
  return token ? token : 'id'
}

/** A relative path inside the package, as a URI reference (each segment percent-encoded). */
function href(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}

/** SCORM 1.2 `imsmanifest.xml`: one organisation with one SCO that is the whole course. */
export function buildScorm12Manifest(course: PackageCourse): string {
  const base = xmlIdToken(`${course.id}-${course.version}`)
  const files = [...new Set([course.launch, ...course.files])].filter((file) => file !== 'imsmanifest.xml')
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${base}" version="${xmlEscape(course.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${base}">
    <organization identifier="org-${base}">
      <title>${xmlEscape(course.title)}</title>
      <item identifier="item-${base}" identifierref="res-${base}" isvisible="true">
        <title>${xmlEscape(course.title)}</title>
        <adlcp:masteryscore>${Math.round(course.passMark)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-${base}" type="webcontent" adlcp:scormtype="sco" href="${href(course.launch)}">
${files.map((file) => `      <file href="${href(file)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`
}

/**
 * cmi5 `cmi5.xml`: one AU that is the whole course. moveOn CompletedAndPassed (lessons done and
 * the post-test passed); masteryScore is the pass mark as a scaled score (0–1).
 */
export function buildCmi5CourseStructure(course: PackageCourse): string {
  const auId = `${course.id}/au/kursus`
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xmlEscape(course.id)}">
    <title><langstring lang="id-ID">${xmlEscape(course.title)}</langstring></title>
    <description><langstring lang="id-ID">${xmlEscape(course.description)}</langstring></description>
  </course>
  <au id="${xmlEscape(auId)}" moveOn="CompletedAndPassed" masteryScore="${(course.passMark / 100).toFixed(2)}" launchMethod="AnyWindow">
    <title><langstring lang="id-ID">${xmlEscape(course.title)}</langstring></title>
    <description><langstring lang="id-ID">${xmlEscape(course.description)}</langstring></description>
    <url>${xmlEscape(href(course.launch))}</url>
  </au>
</courseStructure>
`
}
