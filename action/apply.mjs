// Step "apply": `restorec apply --yes` on every spec changed in the push (the "changes" step
// lists them across all its commits). Run it in a job with a `concurrency` group, so two applies
// never run at once (a composite action cannot declare one itself): examples/ci/restorec.yml.
import { restorec, summary, words } from './lib.mjs';

const changed = (process.env.RESTOREC_CHANGED ?? '').split('\n').filter(Boolean);
const how = process.env.RESTOREC_HOW ?? '';
if (changed.length === 0) {
  process.stdout.write(`restorec: no spec changed (${how}): nothing to apply\n`);
  summary(`### restorec apply\n\nNo spec changed (${how}): nothing applied.\n`);
  process.exit(0);
}
const args = ['apply', '--yes', ...words(process.env.RESTOREC_APPLY_ARGS), ...changed];
process.stdout.write(`restorec: applying ${changed.length} spec${changed.length === 1 ? '' : 's'} changed by ${how}\n`);
const r = restorec(args, { inherit: true });
const list = changed.map((s) => `- \`${s}\``).join('\n');
summary(`### restorec apply: ${r.status === 0 ? 'done' : `failed (exit ${r.status})`}\n\n${changed.length} spec${changed.length === 1 ? '' : 's'} changed by ${how}:\n\n${list}\n${r.status === 0 ? '' : '\nThe log has what failed.\n'}`);
process.exit(r.status);
