"""Writes for homework; each function is one transaction and grants the permissions it implies."""
