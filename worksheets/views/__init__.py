"""Thin views: check the permission, call a selector or service, render."""
