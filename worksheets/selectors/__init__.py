"""Reads: querysets for views, filtered in the database by object permission."""
