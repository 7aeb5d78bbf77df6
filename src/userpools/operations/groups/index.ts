// Operations on groups; one module per operation.
export {};
