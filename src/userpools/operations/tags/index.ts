// Operations on tags; one module per operation.
export {};
