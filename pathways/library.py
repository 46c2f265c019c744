"""The bundled library of pathways, written for this project in its own words, and its loader.

Each pathway names its worksheets by their library key (``worksheets.library``); loading finds a
pathway again by its own key, so loading twice changes nothing and pathways already loaded stay
as course staff have edited them. ``seed_demo`` calls ``library_load`` after the worksheets.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from pathways.models import Pathway, PathwayStep
from pathways.rules import Release, step_rule, steps_problems
from supervision.roles import COURSE_STAFF_GROUP
from worksheets.models import WorksheetTemplate

LIBRARY = [
    {
        "key": "first-month-of-self-practice",
        "title": "A first month of self-practice",
        "category": "self_work",
        "introduction": (
            "Four weeks of trying CBT methods on yourself before asking patients to. Each step "
            "opens when the one before is handed in (the first thought records the morning "
            "after), so the pace follows what you manage. Most steps take ten to fifteen "
            "minutes a day."
        ),
        "steps": [
            {
                "kind": "reflection",
                "title": "What I hope to learn by practising on myself",
                "instructions": (
                    "Write a few lines on why you are doing this, which difficulty of your own you "
                    "will work with (choose a small one), and how you will know it helped."
                ),
                "release": Release.IMMEDIATELY,
                "due_days": 3,
            },
            {
                "kind": "worksheet",
                "title": "Thought records, week one",
                "worksheet": "thought-record",
                "instructions": "One thought record a day when you notice a shift in mood.",
                # The morning after: a night between deciding and starting.
                "release": Release.AFTER_DELAY,
                "delay_days": 1,
                "due_days": 7,
            },
            {
                "kind": "worksheet",
                "title": "Thought records, week two",
                "worksheet": "thought-record",
                "instructions": (
                    "Carry on daily; this week, look for the alternative thought before you "
                    "rate how much you believe it."
                ),
                "release": Release.AFTER_PREVIOUS,
                "due_days": 7,
            },
            {
                "kind": "worksheet",
                "title": "A behavioural experiment of my own",
                "worksheet": "behavioural-experiment",
                "instructions": "Test one prediction that came up in your thought records.",
                "release": Release.AFTER_PREVIOUS,
                "due_days": 7,
            },
            {
                "kind": "reflection",
                "title": "Looking back on the month",
                "instructions": (
                    "What did doing it yourself teach you about giving this homework to "
                    "patients? What got in the way, and what would you tell a patient about that?"
                ),
                "release": Release.AFTER_PREVIOUS,
                "due_days": 5,
            },
        ],
    },
    {
        "key": "preparing-for-a-recording-analysis",
        "title": "Preparing for a recording analysis",
        "category": "recording",
        "introduction": (
            "Three steps that lead up to reviewing one of your own recorded sessions with your "
            "supervisor: agree what to look for, read about it, then listen and rate yourself."
        ),
        "steps": [
            {
                "kind": "reflection",
                "title": "What I want feedback on",
                "instructions": (
                    "Choose the session you will record (with the patient's consent) and name one "
                    "or two skills you want to look at, for example agenda setting or guided "
                    "discovery."
                ),
                "release": Release.IMMEDIATELY,
                "due_days": 5,
            },
            {
                "kind": "lesson",
                "title": "Read about the skills you chose",
                "reading": (
                    "The course lesson on the structure of a CBT session, or any chapter your "
                    "supervisor suggests on the skills you chose. Note two things you will listen "
                    "for."
                ),
                "release": Release.AFTER_PREVIOUS,
                "due_days": 7,
            },
            {
                "kind": "recording",
                "title": "Listen back and review yourself",
                "worksheet": "reflection-on-supervision-i-led",
                "instructions": (
                    "Listen to ten minutes around the moment you chose. Upload the recording with "
                    "your self-review so that your supervisor can listen too."
                ),
                "release": Release.AFTER_DELAY,
                "delay_days": 2,
                "due_days": 7,
            },
        ],
    },
    {
        "key": "schema-self-reflection",
        "title": "A schema self-reflection sequence",
        "category": "self_work",
        "introduction": (
            "A slow sequence for getting to know the beliefs you bring to therapy. The steps are "
            "spaced out on purpose: each opens a few days after the one before is handed in, so "
            "there is time to notice things in between. What you write is yours; share it only "
            "if you choose."
        ),
        "steps": [
            {
                "kind": "questionnaire",
                "title": "Where I stand now",
                "worksheet": "therapist-schema-self-check",
                "instructions": "Answer quickly, as things are for you at the moment.",
                "release": Release.IMMEDIATELY,
                "due_days": 7,
            },
            {
                "kind": "worksheet",
                "title": "Patients I feel uneasy with",
                "worksheet": "clients-i-feel-uneasy-with",
                "release": Release.AFTER_DELAY,
                "delay_days": 3,
                "due_days": 7,
            },
            {
                "kind": "worksheet",
                "title": "Following one thought down",
                "worksheet": "downward-arrow",
                "instructions": "Start from the moment with a patient that stayed with you most.",
                "release": Release.AFTER_DELAY,
                "delay_days": 3,
                "due_days": 7,
            },
            {
                "kind": "reflection",
                "title": "What this means for my work",
                "instructions": (
                    "Which belief showed up most, in which situations, and what would you like "
                    "to do differently when it does?"
                ),
                "release": Release.AFTER_DELAY,
                "delay_days": 3,
                "due_days": 7,
            },
        ],
    },
]

CURATOR_ACTIONS = ("add", "change", "delete", "view")


@transaction.atomic
def pathway_curators_ensure() -> Group:
    """Course staff curate library pathways: they hold every model permission on Pathway."""
    content_type = ContentType.objects.get_for_model(Pathway)
    staff, _ = Group.objects.get_or_create(name=COURSE_STAFF_GROUP)
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_pathway",
            defaults={"name": f"Can {action} pathway"},
        )[0]
        for action in CURATOR_ACTIONS
    ]
    staff.permissions.add(*permissions)
    return staff


@transaction.atomic
def library_load(library: list[dict] = LIBRARY) -> list[Pathway]:
    """Create the library pathways not loaded yet; returns the new ones.

    Raises ValidationError (and saves nothing) when a pathway breaks the rules of
    ``pathways.rules`` or names a worksheet that is not in the worksheet library.
    """
    pathway_curators_ensure()
    loaded = set(
        Pathway.objects.filter(library_key__in=[item["key"] for item in library]).values_list(
            "library_key", flat=True
        )
    )
    keys = {step["worksheet"] for item in library for step in item["steps"] if "worksheet" in step}
    worksheets = {
        template.library_key: template
        for template in WorksheetTemplate.objects.filter(library_key__in=keys)
    }
    created = []
    for item in library:
        if item["key"] in loaded:
            continue
        missing = {step["worksheet"] for step in item["steps"] if "worksheet" in step} - set(
            worksheets
        )
        if missing:
            raise ValidationError(
                f"Pathway {item['key']}: load the worksheet library first ({', '.join(sorted(missing))})."
            )
        steps = [
            {**step, "worksheet": worksheets.get(step.get("worksheet"))} for step in item["steps"]
        ]
        problems = steps_problems([step_rule(step) for step in steps])
        if problems:
            raise ValidationError(
                [f"Pathway {item['key']}: {problem.message}" for problem in problems]
            )
        pathway = Pathway.objects.create(
            title=item["title"],
            introduction=item["introduction"],
            category=item["category"],
            library_key=item["key"],
        )
        for order, step in enumerate(steps):
            row = PathwayStep(pathway=pathway, sort_order=order, **step)
            row.full_clean(exclude=["pathway"])
            row.save()
        created.append(pathway)
    return created
