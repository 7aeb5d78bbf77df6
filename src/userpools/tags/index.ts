/**
 * Tags on user pools, kept by ARN beside the pool rather than inside its settings, so that
 * TagResource and the pool operations' UserPoolTags see one set. One module per operation.
 */
export { listTagsForResource } from './operations/list-tags-for-resource.js';
export { tagResource } from './operations/tag-resource.js';
export { untagResource } from './operations/untag-resource.js';
