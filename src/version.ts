// restorec's version, as reported in SARIF output (a test checks it matches package.json).
export const VERSION = '0.1.0';
export const HOMEPAGE = 'https://github.com/restorec/restorec';
