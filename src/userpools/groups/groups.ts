/** Finding a group or failing the way Cognito fails, and describing it as GroupType. */
import type { GroupType } from '@aws-sdk/client-cognito-identity-provider';
import { ResourceNotFound } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { GroupRecord } from '../../store/groups.js';

export const groupNotFound = () => ResourceNotFound('Group not found.');

export async function requireGroup(store: Pick<Store, 'groups'>, poolId: string, groupName: string): Promise<GroupRecord> {
  const group = await store.groups.find(poolId, groupName);
  if (!group) throw groupNotFound();
  return group;
}

/** GroupType; unset members are left out, as Cognito leaves them out. */
export function describeGroup(group: GroupRecord): GroupType {
  return {
    GroupName: group.groupName,
    UserPoolId: group.poolId,
    ...(group.description !== undefined ? { Description: group.description } : {}),
    ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
    ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
    LastModifiedDate: new Date(group.updatedAt),
    CreationDate: new Date(group.createdAt),
  };
}
