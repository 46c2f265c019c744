"""Reads for the course app, taking a person (never a request); ``courses.presenters`` builds pages.

Two modules, on either side of the page models (docs/architecture.md):

- ``access``: enrollments, access, progress and exercise entries. The page models use these,
  so this module imports ``courses.models.enrollment`` and ``courses.models.exercises`` only.
- ``lessons``: which courses and lessons a person may read, and search; built on the page
  models.

Every function runs a fixed number of queries whatever the size of the course
(tests/courses/test_performance.py holds them to it).
"""
