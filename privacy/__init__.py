"""Privacy: a person's export of their own data, erasure of a person, retention, the read audit's pages."""
