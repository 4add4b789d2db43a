/**
 * The privacy notice's version (UU 27/2022): the date its text last changed in a way people must
 * be told about. Registration and activation record the version the person accepted
 * (`privacy_acceptance`); change it together with the text on /privasi.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-02'

export const PRIVACY_NOTICE_PATH = '/privasi'
