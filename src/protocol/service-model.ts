/** The parts of a botocore service model that the protocol edge needs (see scripts/generate-shapes.mjs). */

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'blob' | 'double' | 'float';
  required?: string[];
  members?: Record<string, string>;
  member?: string;
  key?: string;
  value?: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}

export interface OperationModel {
  input: string | null;
  /** 'none' for the operations botocore marks `authtype: none`; everything else needs SigV4. */
  auth: 'none' | 'sigv4';
}

export interface ServiceModel {
  targetPrefix: string;
  signingName: string;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}
