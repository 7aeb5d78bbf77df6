// Operations on clients; one module per operation.
export {};
