"""Questionnaire scoring, part of how a worksheet entry is submitted: pure functions over plain data.

Nothing in ``definitions``, ``validation`` or ``results`` touches the database, so a definition
can come from a frozen worksheet version, a bundled file or a test, and the same answers always
give the same result. ``blocks`` and ``authoring`` are the Wagtail side: the Scoring blocks of a
worksheet template and how they are read into a definition.

| module | what it holds |
|---|---|
| ``definitions`` | ``Questionnaire`` and its parts (``LikertRange``, ``Anchor``, ``Scale``, ``Band``, ``Item``, ``Total``), their JSON round trip, ``DefinitionError`` |
| ``validation`` | ``validate_definition`` (every ``Problem``, to refuse a publish) and ``check_definition`` |
| ``results`` | ``score_questionnaire`` (the one place scores are computed), ``QuestionnaireResult`` and ``ScoreResult`` with their JSON round trip, ``AnswerError`` |
| ``blocks`` | the Scoring StreamField of a worksheet template |
| ``authoring`` | a template's blocks read into a definition with its problems, and the arranged field definition |

Scoring rules
-------------
* An answer is an ``int`` inside the Likert range, or ``None`` (or an absent key) for a
  missing answer. Keys that are not item machine names are ignored, so the answers of a whole
  worksheet entry (instructions, free text) can be passed in as they are.
* A reverse-keyed item counts as ``minimum + maximum - value`` (on 1-6, 1 counts as 6).
* ``mean``: the mean of the answered items. Missing items are left out.
* ``sum``: the sum of the answered items, prorated when items are missing: the sum is scaled by
  ``items / answered``, which is the same as counting every missing item as the mean of the
  answered ones. Prorating keeps a scale with an allowed missing item comparable with a
  complete one and inside the same possible range.
* A scale (or total) is not scored when more items are missing than its ``max_missing``
  allows; the result then carries the reason instead of a score.
* Rounding happens once, at the end, with exact fractions: sums to a whole number, means to
  two decimals, halves rounded away from zero (2.675 becomes 2.68, 13.5 becomes 14).
* Bands are inclusive at both ends and, once validated, tile the possible range exactly on
  the scale's grid (whole numbers for sums, hundredths for means): a rounded score falls in
  exactly one band.
* A total runs over every item of the questionnaire with the same rules. Its threshold is met
  when the rounded total is at least the pass mark.

``validate_definition`` lists every problem of a definition (to refuse a publish with clear
messages); ``score_questionnaire`` assumes a valid definition. Definitions and results both
turn into plain JSON dictionaries and back, so a result can be stored with an entry at
submission and read back unchanged however the questionnaire is edited later.
"""
