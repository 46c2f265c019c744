"""The course app's models: the page tree, who is enrolled, and which lessons each person finished."""

from .enrollment import CourseTeam, Enrollment, LessonCompletion
from .pages import CourseIndexPage, CourseLearningOutcome, CoursePage, LessonPage, ModulePage

__all__ = [
    "CourseIndexPage",
    "CourseLearningOutcome",
    "CoursePage",
    "CourseTeam",
    "Enrollment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
]
