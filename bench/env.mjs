// Imported first by every bench: the environment every measured process runs in.
//
// NODE_EXTRA_CA_CERTS is removed. With it set, Node builds its TLS root store at start-up, before
// any code runs: +25 ms to every process on the build machine with a file that does not exist,
// +55 ms with Debian's CA bundle (paired, 15 pairs each, `node -e 0` at 26 ms without it). Both
// sides of every ratio would pay it, which hides what restorec itself costs: `lint --no-live` read
// 1.34x `node -e 0` with it and 2.08x without it in the same hour. The figures are those of a
// user without it, the stricter case; `npm run bench` prints what the variable cost here.
/** The value removed from this process's environment (children inherit the removal), if any. */
export const removedCaCerts = process.env.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS;
