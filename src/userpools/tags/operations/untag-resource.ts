/** UntagResource: removes the named tag keys from a user pool; keys it does not have are ignored. */
import type { UntagResourceRequest, UntagResourceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { poolForArn } from '../pool-tags.js';

export const untagResource = operation<UntagResourceRequest, UntagResourceResponse>('UntagResource', async function untagResource(services, input) {
  const { arn } = await poolForArn(services, input.ResourceArn!);
  await services.store.tags.remove(arn, input.TagKeys ?? []);
  return {};
});
