// Service errors with the codes and HTTP statuses of the CloudFront API model,
// so the SDK maps each one to its modeled exception class.

const STATUS: Record<string, number> = {
  AccessDenied: 403,
  CannotDeleteEntityWhileInUse: 409,
  EntityAlreadyExists: 409,
  EntityLimitExceeded: 400,
  EntityNotFound: 404,
  EntitySizeLimitExceeded: 413,
  FunctionAlreadyExists: 409,
  FunctionInUse: 409,
  FunctionSizeLimitExceeded: 413,
  InternalError: 500,
  InvalidArgument: 400,
  InvalidIfMatchVersion: 400,
  InvalidTagging: 400,
  NoSuchFunctionExists: 404,
  NoSuchResource: 404,
  PreconditionFailed: 412,
  ServiceUnavailable: 503,
  TestFunctionFailed: 500,
  Throttling: 400,
  TooManyFunctions: 400,
  UnsupportedOperation: 400
}

export class ApiError extends Error {
  readonly status: number
  constructor(
    readonly code: string,
    message: string,
    status?: number
  ) {
    super(message)
    this.status = status ?? STATUS[code] ?? 400
  }

  /** Sender for client mistakes, Receiver for the service's own failures. */
  get type(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender'
  }
}

export const invalid = (message: string): ApiError => new ApiError('InvalidArgument', message)
