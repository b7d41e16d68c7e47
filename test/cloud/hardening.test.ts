// Failure paths found in review: an answer without RequestId is not a success; credential
// problems stay credential problems; secrets quoted twice-encoded (string-to-sign echoes) and
// unparsable MySQL URLs never reach a message.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RdsClient } from '../../src/cloud/client.ts';
import { CredentialsError, staticCredentials } from '../../src/cloud/credentials.ts';
import { clearSecrets, redact, registerSecret } from '../../src/cloud/redact.ts';
import { parseMysqlUrl } from '../../src/inventory/mysql.ts';

async function serve(answers: string[]): Promise<{ server: Server; endpoint: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = answers[Math.min(hits, answers.length - 1)]!;
      hits++;
      res.writeHead(502, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

test('a JSON answer without RequestId (a gateway error page) is not a success, and is retried', async () => {
  const s = await serve(['{"message":"Bad Gateway"}', '{"message":"Bad Gateway"}', '{"RequestId":"R-1","Items":{}}']);
  try {
    const client = new RdsClient({ endpoint: s.endpoint, credentials: staticCredentials({ accessKeyId: 'AKID', accessKeySecret: 'secret-value' }), retry: { retries: 3, minDelayMs: 1, maxDelayMs: 2 } });
    const answer = await client.call('DescribeBackups', { DBInstanceId: 'rm-x' });
    assert.is(answer['RequestId'], 'R-1');
    assert.is(s.hits(), 3);
    client.close();
  } finally {
    s.server.close();
  }
});

test('close() stops calls that are still retrying', async () => {
  const s = await serve(['{"RequestId":"R","Code":"Throttling.User","Message":"slow down"}']);
  try {
    const client = new RdsClient({ endpoint: s.endpoint, credentials: staticCredentials({ accessKeyId: 'AKID', accessKeySecret: 'secret-value' }), retry: { retries: 8, minDelayMs: 200, maxDelayMs: 8000, totalMs: 120_000 } });
    const pending = client.call('DescribeBackups', { DBInstanceId: 'rm-x' });
    await new Promise((r) => setTimeout(r, 100));
    client.close();
    const t0 = Date.now();
    await pending.then(
      () => assert.unreachable('a throttled call cannot succeed'),
      () => undefined,
    );
    // Without close() this call would go on retrying for about half a minute.
    assert.ok(Date.now() - t0 < 10_000, `still retrying ${Date.now() - t0} ms after close()`);
    assert.ok(s.hits() <= 3, `${s.hits()} attempts`);
  } finally {
    s.server.close();
  }
});

test('credential errors pass through as CredentialsError, not as an UNKNOWN API failure', async () => {
  const broken = { getCredentials: async () => { throw new CredentialsError('no credentials found in the chain'); } };
  const client = new RdsClient({ endpoint: 'http://127.0.0.1:9', credentials: broken as never, retry: { retries: 0 } });
  try {
    await client.call('DescribeBackups', { DBInstanceId: 'rm-x' });
    assert.unreachable('should have thrown');
  } catch (e) {
    assert.instance(e, CredentialsError);
  } finally {
    client.close();
  }
});

test('an STS token echoed twice-encoded in a string-to-sign is redacted', () => {
  clearSecrets();
  const token = 'CAIS/abc+def==tok';
  registerSecret(token);
  const once = encodeURIComponent(token);
  const twice = encodeURIComponent(once);
  const message = `IncompleteSignature: StringToSign POST&%2F&AccessKeyId%3DAKID%26SecurityToken%3D${twice}%26Version%3D2014-08-15`;
  const out = redact(message);
  for (const s of [token, once, twice]) assert.not.ok(out.includes(s), out);
  assert.match(out, /SecurityToken%3D\*\*\*%26Version/);
  // Even an unregistered token is masked where it stands as a parameter.
  assert.not.match(redact('...SecurityToken%3Dunregistered123%26...'), /unregistered123/);
});

test('a MySQL URL that does not parse is reported without any of it', () => {
  try {
    parseMysqlUrl('mysql://root:pa#ss/word@db:3306/');
    assert.unreachable('should have thrown');
  } catch (e) {
    const message = (e as Error).message;
    assert.not.match(message, /pa#ss|word@|root/);
    assert.match(message, /does not parse/);
  }
});

test.run();
