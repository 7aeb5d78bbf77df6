/**
 * What Cognito answers, as `assert.rejects` expectations: the error name always, and the exact
 * message wherever Cognito's wording is known (../shared/spec/cognito-wire-digest.md). One
 * place, so a wording fixed here is fixed for every test.
 */

export interface ErrorExpectation {
  name: string;
  message?: string | RegExp;
}

/** `{ name, message }` for assert.rejects; the message left out only when Cognito's wording is not fixed. */
export const awsError = (name: string, message?: string | RegExp): ErrorExpectation => (message === undefined ? { name } : { name, message });

export const invalidParameter = (message?: string | RegExp) => awsError('InvalidParameterException', message);
export const notAuthorized = (message?: string | RegExp) => awsError('NotAuthorizedException', message);

// Sign-in.
export const incorrectPassword = notAuthorized('Incorrect username or password.');
export const passwordAttemptsExceeded = notAuthorized('Password attempts exceeded');
export const expiredSession = notAuthorized('Invalid session for the user, session is expired.');
export const userNotFound = awsError('UserNotFoundException', 'User does not exist.');

// Sign-up.
export const usernameExists = awsError('UsernameExistsException', 'User already exists');

// One-time codes.
export const codeMismatch = awsError('CodeMismatchException', 'Invalid verification code provided, please try again.');
export const expiredCode = awsError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
export const codeAttemptsExceeded = awsError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');

// Tokens.
export const invalidAccessToken = notAuthorized('Invalid Access Token');
export const revokedAccessToken = notAuthorized('Access Token has been revoked');
export const expiredAccessToken = notAuthorized('Access Token has expired');
export const invalidRefreshToken = notAuthorized('Invalid Refresh Token');
export const revokedRefreshToken = notAuthorized('Refresh Token has been revoked');
export const refreshTokenReused = awsError('RefreshTokenReuseException', 'Refresh Token has been used already');

// Attributes.
export const unauthorizedAttributeWrite = notAuthorized('A client attempted to write unauthorized attribute');

// Things that are not there.
export const poolNotFound = (poolId: string) => awsError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
export const clientNotFound = (clientId: string) => awsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
export const groupNotFound = awsError('ResourceNotFoundException', 'Group not found.');

// The protocol edge.
export const missingAuthenticationToken = awsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
export const signatureMismatch = awsError('InvalidSignatureException', /^The request signature we calculated does not match the signature you provided\./);
export const unrecognizedClient = awsError('UnrecognizedClientException', 'The security token included in the request is invalid.');

/** A pool id of the right shape that no pool has. */
export const UNKNOWN_POOL = 'us-east-1_NoSuchPool';
