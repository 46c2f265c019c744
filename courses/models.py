"""Course pages live here (see the courses issue); the app is wired in from the start."""
