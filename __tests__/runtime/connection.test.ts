// Connection functions: the connection object the guide documents, allow(), deny(),
// logCustomData(), and the documented default when the handler calls neither (deny).

import { singleStore } from '../../src/runtime/index.js'
import { connectionEvent, outputOf, run } from './helpers.js'

function runConnection(code: string, stores = singleStore({})) {
  return run(code, { kind: 'connection-function', event: connectionEvent(), stores })
}

test('allow() lets the connection through', async () => {
  const outcome = await runConnection(
    `function connectionHandler(connection) { connection.allow(); }`
  )
  expect(outputOf(outcome)).toEqual({ action: 'allow' })
})

test('deny() refuses the connection', async () => {
  const outcome = await runConnection(
    `function connectionHandler(connection) { connection.deny(); }`
  )
  expect(outputOf(outcome)).toEqual({ action: 'deny' })
})

test('calling neither denies the connection, as CloudFront does', async () => {
  const outcome = await runConnection(`function connectionHandler(connection) { return 1; }`)
  expect(outputOf(outcome)).toEqual({ action: 'deny' })
  expect(outcome.error).toBeUndefined()
})

test('the first decision stands', async () => {
  const outcome = await runConnection(
    `function connectionHandler(connection) { connection.deny(); connection.allow(); }`
  )
  expect(outputOf(outcome)).toEqual({ action: 'deny' })
})

test('the handler sees the documented connection fields', async () => {
  const outcome = await runConnection(`function connectionHandler(connection) {
    const leaf = connection.clientCertificate.certificates.leaf;
    console.log([connection.clientIp, connection.endpoint, connection.distributionId, connection.connectionId,
      leaf.serialNumber, leaf.subject, leaf.validity.notAfter].join('|'));
    connection.allow();
  }`)
  expect(outcome.logs).toEqual([
    '203.0.113.7|d111111abcdef8.cloudfront.net|E1EXAMPLE|Cn1EXAMPLE|0a:1b:2c:3d|C=US, O=Example Corp, CN=device-42|2035-01-01T00:00:00Z'
  ])
})

test('logCustomData() data is reported with the decision, the last call winning', async () => {
  const outcome = await runConnection(`function connectionHandler(connection) {
    connection.logCustomData('first');
    connection.logCustomData('SUBJECT:' + connection.clientCertificate.certificates.leaf.subject);
    connection.allow();
  }`)
  expect(outputOf(outcome)).toEqual({
    action: 'allow',
    customData: 'SUBJECT:C=US, O=Example Corp, CN=device-42'
  })
})

test('logCustomData() keeps at most 800 bytes, cut on a UTF-8 character boundary', async () => {
  const outcome = await runConnection(`function connectionHandler(connection) {
    connection.logCustomData('a' + 'é'.repeat(500));
    connection.deny();
  }`)
  const data = outputOf(outcome).customData as string
  expect(Buffer.byteLength(data)).toBe(799)
  expect(data).toBe('a' + 'é'.repeat(399))
})

test('an async handler can check a store before deciding', async () => {
  const code = `import cf from 'cloudfront';
    async function connectionHandler(connection) {
      const serial = connection.clientCertificate.certificates.leaf.serialNumber.replace(/:/g, '');
      if (await cf.kvs().exists(serial)) {
        connection.logCustomData('REVOKED:' + serial);
        return connection.deny();
      }
      connection.allow();
    }`
  const revoked = await runConnection(code, singleStore({ '0a1b2c3d': 'revoked 2025-06-01' }))
  expect(outputOf(revoked)).toEqual({ action: 'deny', customData: 'REVOKED:0a1b2c3d' })
  const valid = await runConnection(code, singleStore({}))
  expect(outputOf(valid)).toEqual({ action: 'allow' })
})

test('an error in the handler fails the run, whatever it decided before', async () => {
  const outcome = await runConnection(`function connectionHandler(connection) {
    connection.allow();
    connection.clientCertificate.missing.field;
  }`)
  expect(outcome.output).toBeUndefined()
  expect(outcome.error).toMatch(/^TypeError: /)
})

test('the entry point is connectionHandler', async () => {
  const outcome = await runConnection(`function handler(connection) { connection.allow(); }`)
  expect(outcome.error).toBe(
    'Error: The function code must define a function named connectionHandler'
  )
})
