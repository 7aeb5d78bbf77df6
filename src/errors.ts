/**
 * The error hierarchy every operation throws. A CognitoError carries the AWS error name that goes
 * on the wire as `__type` and the HTTP status; anything else that escapes an operation is a bug
 * and leaves as a generic InternalErrorException, logged but never echoed.
 */

export class CognitoError extends Error {
  readonly type: string;
  readonly status: number;
  /** Extra members of the error shape (for example InvalidParameterException's reasonCode). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(type: string, message: string, status = 400, extra?: Record<string, unknown>) {
    super(message);
    this.name = type;
    this.type = type;
    this.status = status;
    this.extra = extra;
  }
}

type ErrorFactory = ((message: string, extra?: Record<string, unknown>) => CognitoError) & { readonly type: string };

/** Makes a factory for one AWS error name: `E('UserNotFoundException')('User does not exist.')`. */
function E(type: string, status = 400): ErrorFactory {
  const make = (message: string, extra?: Record<string, unknown>) => new CognitoError(type, message, status, extra);
  return Object.assign(make, { type });
}

// Statuses: Cognito answers client faults with 400 and only the model's `fault` shapes with 500
// (../shared/spec/cognito-wire-digest.md §1.2); clients dispatch on __type, not status.
export const InvalidParameter = E('InvalidParameterException');
export const ResourceNotFound = E('ResourceNotFoundException');
export const NotAuthorized = E('NotAuthorizedException');
export const LimitExceeded = E('LimitExceededException');
export const TooManyRequests = E('TooManyRequestsException');
export const ConcurrentModification = E('ConcurrentModificationException');
export const UserNotFound = E('UserNotFoundException');
export const UsernameExists = E('UsernameExistsException');
export const AliasExists = E('AliasExistsException');
export const GroupExists = E('GroupExistsException');
export const InvalidPassword = E('InvalidPasswordException');
export const UserNotConfirmed = E('UserNotConfirmedException');
export const PasswordResetRequired = E('PasswordResetRequiredException');
export const CodeMismatch = E('CodeMismatchException');
export const ExpiredCode = E('ExpiredCodeException');
export const EnableSoftwareTokenMFA = E('EnableSoftwareTokenMFAException');
export const SoftwareTokenMFANotFound = E('SoftwareTokenMFANotFoundException');
export const WebAuthnNotEnabled = E('WebAuthnNotEnabledException');
export const WebAuthnChallengeNotFound = E('WebAuthnChallengeNotFoundException');
export const WebAuthnOriginNotAllowed = E('WebAuthnOriginNotAllowedException');
export const WebAuthnRelyingPartyMismatch = E('WebAuthnRelyingPartyMismatchException');
export const WebAuthnCredentialNotSupported = E('WebAuthnCredentialNotSupportedException');
export const TooManyFailedAttempts = E('TooManyFailedAttemptsException');
export const CodeDeliveryFailure = E('CodeDeliveryFailureException');
export const UnsupportedUserState = E('UnsupportedUserStateException');
export const UnsupportedOperation = E('UnsupportedOperationException');
export const InvalidUserPoolConfiguration = E('InvalidUserPoolConfigurationException');
export const RefreshTokenReuse = E('RefreshTokenReuseException');
export const UnsupportedTokenType = E('UnsupportedTokenTypeException');
export const UnauthorizedClient = E('UnauthorizedException');
export const UserPoolTagging = E('UserPoolTaggingException');
export const InvalidOAuthFlow = E('InvalidOAuthFlowException');
export const ScopeDoesNotExist = E('ScopeDoesNotExistException');
export const InternalError = E('InternalErrorException', 500);

// The protocol edge's own errors, named as AWS names them.
export const UnknownOperation = E('UnknownOperationException');
export const MissingAuthenticationToken = E('MissingAuthenticationTokenException');
export const UnrecognizedClient = E('UnrecognizedClientException');
export const InvalidSignature = E('InvalidSignatureException');
export const IncompleteSignature = E('IncompleteSignatureException');
/** A body that is not JSON, or a value of the wrong JSON type: AWS's deserialiser answers before any validation. */
export const Serialization = E('SerializationException');
export const RequestEntityTooLarge = E('RequestEntityTooLargeException', 413);
/** A route that does not exist (AWS answers unknown paths and targets alike). */
export const UnknownRoute = E('UnknownOperationException', 404);
/** An operation the model defines that this server does not implement yet. */
export const NotImplemented = E('NotImplementedException', 501);

// Lambda triggers (../shared/spec/cognito-wire-digest.md §5.1).
/** The function ran and failed: "<Trigger> failed with error <message>." */
export const UserLambdaValidation = E('UserLambdaValidationException');
/** The function could not be called, or did not answer in time. */
export const UnexpectedLambda = E('UnexpectedLambdaException');
/** The function answered with something that is not the trigger's event. */
export const InvalidLambdaResponse = E('InvalidLambdaResponseException');
