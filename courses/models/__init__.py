"""The course app's models: the page tree, who is enrolled, which lessons each person finished, and exercises started from lessons."""

from .enrollment import CourseTeam, Enrollment, LessonCompletion
from .exercises import ExerciseEntry
from .pages import CourseIndexPage, CourseLearningOutcome, CoursePage, LessonPage, ModulePage

__all__ = [
    "CourseIndexPage",
    "CourseLearningOutcome",
    "CoursePage",
    "CourseTeam",
    "Enrollment",
    "ExerciseEntry",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
]
