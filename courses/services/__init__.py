"""Writes: every change to courses, enrollments and progress goes through a function here."""
