"""The bundled worksheet library, written for this project in its own words.

Each template is a dict with a stable ``key`` (how loading finds it again), a title, a topic,
an introduction and a body in the StreamField's raw form: the worksheets are written with the
helpers in ``blocks`` (one module per topic); the questionnaires are JSON files read by
``worksheets.library.questionnaires``, which also adds their ``scoring``.
"""

from worksheets.library.practice import PRACTICE
from worksheets.library.questionnaires import library_templates
from worksheets.library.self_knowledge import SELF_KNOWLEDGE
from worksheets.library.starting import STARTING

LIBRARY = [*STARTING, *SELF_KNOWLEDGE, *PRACTICE, *library_templates()]
