/** ListTagsForResource: the tags of a user pool named by its ARN. */
import type { ListTagsForResourceRequest, ListTagsForResourceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { poolForArn } from '../pool-tags.js';

export const listTagsForResource = operation<ListTagsForResourceRequest, ListTagsForResourceResponse>('ListTagsForResource', async function listTagsForResource(services, input) {
  const { arn } = await poolForArn(services, input.ResourceArn!);
  return { Tags: await services.store.tags.list(arn) };
});
