// Operations on pools; one module per operation.
export {};
