// Events and outputs as the service shapes them ("CloudFront Functions event structure"):
// missing maps are filled in, outputs carry the fields CloudFront keeps and adds.

import { V1, outputOf, run, viewerRequest, viewerResponse } from './helpers.js'

describe('the event the handler sees', () => {
  test('missing querystring, headers and cookies are filled in as empty objects', async () => {
    const event = { context: { eventType: 'viewer-request' }, request: { method: 'GET', uri: '/' } }
    const outcome = await run(
      `function handler(event) {
        console.log(JSON.stringify([event.request.querystring, event.request.headers, event.request.cookies]));
        return event.request;
      }`,
      { event }
    )
    expect(outcome.logs).toEqual(['[{},{},{}]'])
  })

  test('a viewer response event has its response headers and cookies filled in too', async () => {
    const event = viewerResponse()
    delete (event.response as Record<string, unknown>).headers
    delete (event.response as Record<string, unknown>).cookies
    const outcome = await run(
      `function handler(event) { console.log(JSON.stringify([event.response.headers, event.response.cookies])); return event.response; }`,
      { event }
    )
    expect(outcome.logs).toEqual(['[{},{}]'])
  })
})

describe('request.rawQueryString() (runtime 2.0)', () => {
  const logRaw = `function handler(event) {
    var before = event.request.rawQueryString();
    event.request.querystring = { changed: { value: 'yes' } };
    console.log(JSON.stringify([before === undefined ? 'undefined' : before, event.request.rawQueryString() === before]));
    return event.request;
  }`

  test('gives the query string as it arrived, even after the handler changed it', async () => {
    const event = viewerRequest({
      querystring: {
        name: { value: 'John' },
        tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b%20c' }] },
        flag: { value: '' }
      }
    })
    const outcome = await run(logRaw, { event })
    expect(outcome.logs).toEqual(['["name=John&tag=a&tag=b%20c&flag=",true]'])
  })

  test('is undefined without a query string, is not part of the output, and is not in 1.0', async () => {
    const outcome = await run(logRaw, { event: viewerRequest() })
    expect(outcome.logs).toEqual(['["undefined",true]'])
    expect(outputOf(outcome).request).not.toHaveProperty('rawQueryString')
    const v1 = await run(
      `function handler(event) { console.log(typeof event.request.rawQueryString); return event.request; }`,
      { runtime: V1 }
    )
    expect(v1.logs).toEqual(['undefined'])
  })
})

describe('FunctionOutput', () => {
  test('a request comes back as {"request": ...} with its maps, and other fields dropped', async () => {
    const outcome = await run(
      `function handler(event) {
        var request = event.request;
        request.uri = '/rewritten';
        request.internal = 'not sent on';
        delete request.cookies;
        return request;
      }`,
      { event: viewerRequest({ querystring: { a: { value: '1' } } }) }
    )
    expect(outputOf(outcome)).toEqual({
      request: {
        method: 'GET',
        uri: '/rewritten',
        querystring: { a: { value: '1' } },
        headers: { host: { value: 'www.example.com' } },
        cookies: {}
      }
    })
  })

  test('a generated response in a viewer request comes back with the maps CloudFront adds', async () => {
    const outcome = await run(`function handler(event) {
      return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: 'https://example.com/' } }, extra: 1 };
    }`)
    expect(outputOf(outcome)).toEqual({
      response: {
        statusCode: 302,
        statusDescription: 'Found',
        headers: { location: { value: 'https://example.com/' } },
        cookies: {}
      }
    })
  })

  test('a generated response keeps its body', async () => {
    const outcome = await run(`function handler(event) {
      return { statusCode: 200, body: { encoding: 'text', data: '<h1>hi</h1>' } };
    }`)
    expect(outputOf(outcome)).toEqual({
      response: {
        statusCode: 200,
        headers: {},
        cookies: {},
        body: { encoding: 'text', data: '<h1>hi</h1>' }
      }
    })
  })

  test('a viewer response function returns {"response": ...} without a body', async () => {
    const outcome = await run(
      `function handler(event) {
        var response = event.response;
        response.headers['x-frame-options'] = { value: 'DENY' };
        response.cookies.session = { value: 'abc', attributes: 'Secure' };
        response.body = 'replaced';
        return response;
      }`,
      { event: viewerResponse(), runtime: V1 }
    )
    expect(outputOf(outcome)).toEqual({
      response: {
        statusCode: 200,
        statusDescription: 'OK',
        headers: { 'x-frame-options': { value: 'DENY' } },
        cookies: { session: { value: 'abc', attributes: 'Secure' } }
      }
    })
  })

  test('an async handler is awaited', async () => {
    const outcome = await run(`async function handler(event) {
      const uri = await Promise.resolve('/from-promise');
      event.request.uri = uri;
      return event.request;
    }`)
    expect(outputOf(outcome).request.uri).toBe('/from-promise')
  })
})

describe('failed runs', () => {
  test.each([
    ['nothing', 'function handler(event) {}'],
    ['a string', "function handler(event) { return 'ok'; }"],
    ['an array', 'function handler(event) { return [event.request]; }']
  ])('returning %s is an error', async (_label, code) => {
    const outcome = await run(code)
    expect(outcome.error).toBe('Error: The function must return a request or response object.')
    expect(outcome.output).toBeUndefined()
  })

  test.each([
    [
      'the whole event as the request',
      'function handler(event) { return event; }',
      viewerRequest(),
      'request: it has no uri (return event.request, not the whole event)'
    ],
    [
      'a status code as a string',
      "function handler(event) { return { statusCode: '302', headers: { location: { value: '/' } } }; }",
      viewerRequest(),
      'response: statusCode must be an integer, not the string "302"'
    ],
    [
      'a header as a bare string',
      "function handler(event) { event.request.headers['x-a'] = 'b'; return event.request; }",
      viewerRequest(),
      'request: headers["x-a"] must be an object such as { value: \'…\' }, not the string "b"'
    ],
    [
      'the request from a viewer response function',
      'function handler(event) { return event.request; }',
      viewerResponse(),
      'response: a viewer response function must return a response with a statusCode'
    ],
    [
      'a uri that is not a string',
      'function handler(event) { event.request.uri = 5; return event.request; }',
      viewerRequest(),
      'request: uri must be a string, not the number 5'
    ],
    [
      'a status code that is an object',
      'function handler(event) { return { statusCode: {} }; }',
      viewerRequest(),
      'response: statusCode must be an integer, not an object'
    ],
    [
      'cookies as an array',
      'function handler(event) { event.response.cookies = []; return event.response; }',
      viewerResponse(),
      'response: cookies must be an object'
    ]
  ])(
    'returning %s is an error, as CloudFront cannot use it',
    async (_label, code, event, problem) => {
      const outcome = await run(code, { event })
      expect(outcome.error).toBe(`Error: The function returned an invalid ${problem}`)
      expect(outcome.output).toBeUndefined()
    }
  )

  test('a thrown error is reported as name: message, with the logs written before it', async () => {
    const outcome = await run(`function handler(event) {
      console.log('before');
      throw new RangeError('out of range');
    }`)
    expect(outcome).toMatchObject({ error: 'RangeError: out of range', logs: ['before'] })
  })

  test('a thrown value that is not an error is reported as its string form', async () => {
    const outcome = await run(`function handler(event) { throw 'plain'; }`)
    expect(outcome.error).toBe('plain')
  })

  test('a rejected promise is reported like a thrown error', async () => {
    const outcome = await run(
      `async function handler(event) { await null; throw new TypeError('late'); }`
    )
    expect(outcome.error).toBe('TypeError: late')
  })

  test('a promise that never settles is an error', async () => {
    const outcome = await run(`function handler(event) { return new Promise(function () {}); }`)
    expect(outcome.error).toBe(
      'Error: The function did not settle: it awaits a promise that never resolves.'
    )
  })

  test('code without a handler is an error', async () => {
    const outcome = await run(`function main(event) { return event.request; }`)
    expect(outcome.error).toBe('Error: The function code must define a function named handler')
  })

  test('a handler declared with const counts', async () => {
    const outcome = await run(`const handler = (event) => event.request;`)
    expect(outputOf(outcome).request.uri).toBe('/index.html')
  })

  test.each([
    ['not JSON', '{"request":', /^The event is not valid JSON: /],
    ['not an object', '[1, 2]', /^The event must be a JSON object$/]
  ])('an event that is %s is refused', async (_label, event, message) => {
    const { runFunction } = await import('../../src/runtime/index.js')
    const outcome = await runFunction({
      kind: 'function',
      runtime: 'cloudfront-js-2.0',
      code: 'function handler(event) { return event.request; }',
      event
    })
    expect(outcome.error).toMatch(message)
  })
})
