"""Exports: documents (PDF) built in the background with progress, kept privately for their owner."""
