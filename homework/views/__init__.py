"""Thin homework views: look the object up through the permission checker, call a service, render."""
