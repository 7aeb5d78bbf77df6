// Operations on tags; one module per operation.
export { listTagsForResource } from './list-tags-for-resource.js';
export { tagResource } from './tag-resource.js';
export { untagResource } from './untag-resource.js';
