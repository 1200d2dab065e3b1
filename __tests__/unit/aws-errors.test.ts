import { describe, expect, it } from '@jest/globals'
import {
  AwsCallError,
  isAlreadyExists,
  isNotFound,
  isPreconditionFailed,
  wasRetried
} from '../../src/cloudfront/errors.js'
import { EARLIER_ATTEMPTS_REFUSED } from '../../src/cloudfront/client.js'
import { awsError } from '../../__fixtures__/cloudfront.js'

function explain(operation: string, cause: unknown): { message: string; error: AwsCallError } {
  const error = new AwsCallError(operation, cause)
  return { message: error.message, error }
}

describe('AwsCallError', () => {
  it('keeps the operation, code, status, request id and cause', () => {
    const cause = awsError('InvalidArgument', { status: 400, requestId: 'abc-123' })
    const error = new AwsCallError('UpdateFunction', cause)
    expect(error).toMatchObject({
      name: 'AwsCallError',
      operation: 'UpdateFunction',
      code: 'InvalidArgument',
      status: 400,
      requestId: 'abc-123',
      cause
    })
    expect(error.message).toBe(
      'UpdateFunction: CloudFront rejected the request as invalid (InvalidArgument): InvalidArgument (mocked). Check the inputs named in that message. (request id abc-123)'
    )
  })

  it.each([
    [
      'AccessDenied',
      403,
      ['AWS denied cloudfront:PublishFunction', 'Grant the IAM action cloudfront:PublishFunction']
    ],
    ['AccessDeniedException', 403, ['AWS denied cloudfront:PublishFunction']],
    [
      'CredentialsProviderError',
      undefined,
      ['No AWS credentials were found for PublishFunction', 'aws-actions/configure-aws-credentials']
    ],
    [
      'ExpiredToken',
      403,
      ['AWS rejected the credentials for PublishFunction (ExpiredToken)', 'have not expired']
    ],
    ['InvalidClientTokenId', 403, ['AWS rejected the credentials']],
    ['SignatureDoesNotMatch', 403, ['AWS rejected the credentials']],
    [
      'ThrottlingException',
      400,
      ['CloudFront throttled PublishFunction (ThrottlingException)', 'concurrency group']
    ],
    ['Throttling', 400, ['CloudFront throttled PublishFunction (Throttling)']],
    ['TooManyRequestsException', 429, ['CloudFront throttled']],
    [
      'PreconditionFailed',
      412,
      [
        'PublishFunction was refused because the function changed since it was read (412 PreconditionFailed)'
      ]
    ],
    ['InvalidIfMatchVersion', 400, ['without a valid If-Match ETag (InvalidIfMatchVersion)']],
    [
      'NoSuchFunctionExists',
      404,
      ['CloudFront found no such resource (NoSuchFunctionExists)', 're-run the step']
    ],
    ['EntityNotFound', 404, ['CloudFront found no such resource (EntityNotFound)']],
    [
      'FunctionSizeLimitExceeded',
      413,
      ["over CloudFront's size limit (FunctionSizeLimitExceeded)", 'Minify']
    ],
    ['EntitySizeLimitExceeded', 413, ["over CloudFront's size limit (EntitySizeLimitExceeded)"]],
    [
      'TooManyFunctions',
      400,
      [
        "reached CloudFront's limit on the number of functions of this kind (TooManyFunctions)",
        'higher quota'
      ]
    ],
    [
      'EntityLimitExceeded',
      400,
      ['(EntityLimitExceeded)', 'Delete functions that are no longer used']
    ],
    [
      'FunctionInUse',
      409,
      [
        'still associated with a CloudFront distribution (FunctionInUse)',
        'Remove it from every distribution'
      ]
    ],
    [
      'CannotDeleteEntityWhileInUse',
      409,
      ['still associated with a CloudFront distribution (CannotDeleteEntityWhileInUse)']
    ],
    [
      'InvalidTagging',
      400,
      ['CloudFront rejected the tags (InvalidTagging)', 'Check the tags input']
    ],
    [
      'InternalFailure',
      500,
      [
        'CloudFront failed PublishFunction with a server error (InternalFailure, HTTP 500)',
        "on AWS's side"
      ]
    ],
    ['ServiceUnavailable', 503, ['server error (ServiceUnavailable, HTTP 503)']],
    ['SomethingNew', 400, ['PublishFunction failed (SomethingNew): SomethingNew (mocked).']]
  ])('explains %s', (code, status, parts) => {
    const cause = awsError(code, { status })
    if (status === undefined) cause.$metadata = {}
    const { message } = explain('PublishFunction', cause)
    for (const part of parts) expect(message).toContain(part)
    expect(message).not.toContain('[object Object]')
  })

  it('says how many attempts the SDK made before giving up', () => {
    const { message } = explain(
      'UpdateFunction',
      awsError('ThrottlingException', { attempts: 5, message: 'Rate exceeded' })
    )
    expect(message).toContain('CloudFront throttled UpdateFunction after 5 attempts')
    const server = explain(
      'UpdateFunction',
      awsError('InternalError', { status: 502, attempts: 3 })
    )
    expect(server.message).toContain('with a server error after 3 attempts')
  })

  it('explains network failures, by code or by message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), {
      code: 'ECONNREFUSED'
    })
    expect(explain('DescribeFunction', refused).message).toBe(
      'Could not reach CloudFront for DescribeFunction (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:443. Check the network and any AWS_ENDPOINT_URL settings, then re-run.'
    )
    expect(explain('DescribeFunction', refused).error.code).toBe('ECONNREFUSED')
    const hangUp = new Error('socket hang up')
    expect(explain('GetFunction', hangUp).message).toContain(
      'Could not reach CloudFront for GetFunction'
    )
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' })
    expect(explain('GetFunction', timeout).message).toContain(
      'CloudFront did not answer GetFunction in time (TimeoutError)'
    )
  })

  it.each([
    ['a string', 'boom', 'ListTagsForResource failed (Error): boom.'],
    [
      'an object without a message',
      { reason: 'nope' },
      'ListTagsForResource failed (Error): {"reason":"nope"}.'
    ],
    ['undefined', undefined, 'ListTagsForResource failed (Error): undefined.'],
    ['null', null, 'ListTagsForResource failed (Error): null.']
  ])('renders %s thrown by the SDK, never as [object Object]', (_label, cause, message) => {
    expect(explain('ListTagsForResource', cause).message).toBe(message)
  })

  it('leaves out an empty message', () => {
    const cause = awsError('AccessDenied', { status: 403, message: '' })
    expect(explain('TagResource', cause).message).toBe(
      'AWS denied cloudfront:TagResource. Grant the IAM action cloudfront:TagResource to the role this workflow assumes (the README lists the least-privilege policy) (request id req-1).'
    )
  })
})

describe('classifiers', () => {
  const wrap = (code: string) => new AwsCallError('Op', awsError(code))

  it.each([
    [isPreconditionFailed, ['PreconditionFailed'], ['InvalidIfMatchVersion']],
    [isAlreadyExists, ['FunctionAlreadyExists', 'EntityAlreadyExists'], ['PreconditionFailed']],
    [isNotFound, ['NoSuchFunctionExists', 'EntityNotFound', 'NoSuchResource'], ['AccessDenied']]
  ])('%p recognises its codes only', (classify, yes, no) => {
    for (const code of yes) expect(classify(wrap(code))).toBe(true)
    for (const code of no) expect(classify(wrap(code))).toBe(false)
    // Only wrapped errors count: a raw SDK error has not been through the adapter.
    expect(classify(awsError(yes[0]))).toBe(false)
  })
})

describe('wasRetried', () => {
  it('is true after a retry that may have followed a lost answer', () => {
    expect(
      wasRetried(
        new AwsCallError(
          'PublishFunction',
          awsError('PreconditionFailed', { status: 412, attempts: 2 })
        )
      )
    ).toBe(true)
    expect(
      wasRetried(
        new AwsCallError('PublishFunction', awsError('PreconditionFailed', { status: 412 }))
      )
    ).toBe(false)
  })

  it('is false when every earlier attempt was refused (throttled): a refusal is an answer', () => {
    const error = awsError('PreconditionFailed', { status: 412, attempts: 2 })
    Object.defineProperty(error, EARLIER_ATTEMPTS_REFUSED, { value: true })
    expect(wasRetried(new AwsCallError('PublishFunction', error))).toBe(false)
  })
})
