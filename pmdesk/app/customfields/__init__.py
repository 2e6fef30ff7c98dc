"""Custom fields (schema 9): the manager dialog and the inputs of each kind."""
