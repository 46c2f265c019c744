"""The bundled worksheet library, written for this project in its own words.

Each template is a dict with a stable ``key`` (how loading finds it again), a title, a topic,
an introduction and a body in the StreamField's raw form, built with the helpers in ``blocks``.
The bundled questionnaires (``questionnaires.library``) also carry their ``scoring``.
"""

from questionnaires.library import QUESTIONNAIRES
from worksheets.library.practice import PRACTICE
from worksheets.library.self_knowledge import SELF_KNOWLEDGE
from worksheets.library.starting import STARTING

LIBRARY = [*STARTING, *SELF_KNOWLEDGE, *PRACTICE, *QUESTIONNAIRES]
