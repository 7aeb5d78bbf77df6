/** TagResource: adds tags to a user pool named by its ARN, overwriting values of keys it already has. */
import type { TagResourceRequest, TagResourceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { addPoolTags, poolForArn } from '../pool-tags.js';

export const tagResource = operation<TagResourceRequest, TagResourceResponse>('TagResource', async function tagResource(services, input) {
  const { arn } = await poolForArn(services, input.ResourceArn!);
  await addPoolTags(services.store, arn, input.Tags ?? {});
  return {};
});
