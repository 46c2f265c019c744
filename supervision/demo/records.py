"""Demo cases, a supervision group and six months of meetings, created through the services.

Every pseudonym, case and sentence here is invented for this project. Running the seed
again changes nothing: each relationship's records are created only if it has none yet.
"""

import datetime
from itertools import cycle

from django.db import transaction
from django.utils import timezone

from supervision.models import Case, Meeting, Supervision, SupervisionGroup, User
from supervision.services.cases import case_comment_add, case_create
from supervision.services.meetings import (
    meeting_create,
    meeting_reflection_save,
    meeting_update,
)
from supervision.services.relationships import supervision_group_start

SIX_MONTHS = 182

CASES = {
    ("supervisor", "trainee1"): [
        {
            "pseudonym": "Willow",
            "presenting_problem": "Sudden surges of fear in supermarkets and on buses for the last "
            "two years; now avoids travelling alone.",
            "goals": "Take the bus to work three days a week; shop alone in the local store.",
            "conceptualisation": "Grew up with a parent who was often unwell and learned to watch "
            "her body closely. Belief: 'if my heart races, something is badly wrong'. Safety "
            "behaviours (sitting near exits, carrying water) keep the belief untested.",
            "situation": "Standing in a queue at the checkout, warm and crowded.",
            "automatic_thoughts": "'I'm going to faint and nobody will help me.'",
            "emotions": "Fear 85%, embarrassment 40%.",
            "bodily_reactions": "Racing heart, light head, tingling hands.",
            "behaviours": "Leaves the basket and goes outside; afterwards avoids that shop.",
        },
        {
            "pseudonym": "Kestrel",
            "presenting_problem": "Dreads speaking in seminars and rehearses every sentence; has "
            "started missing classes.",
            "goals": "Ask one question per seminar; stay for the whole class.",
            "conceptualisation": "Belief that others judge quickly and harshly. Self-focused "
            "attention and rehearsing make him seem distracted, which he takes as proof.",
            "situation": "The tutor asks the group for opinions.",
            "automatic_thoughts": "'They'll see I'm out of my depth.'",
            "emotions": "Anxiety 70%, shame 50%.",
            "bodily_reactions": "Blushing, dry mouth, tight throat.",
            "behaviours": "Looks down, stays silent, leaves quickly at the end.",
        },
        {
            "pseudonym": "Juniper",
            "status": Case.Status.CLOSED,
            "presenting_problem": "Low mood and withdrawal after losing a job.",
            "goals": "Restore a weekly routine with two activities that bring a sense of "
            "achievement.",
            "conceptualisation": "Withdrawal reduced contact with what used to give meaning; "
            "rumination filled the gap.",
            "situation": "A weekday morning with nothing planned.",
            "automatic_thoughts": "'There's no point getting up.'",
            "emotions": "Sadness 75%, hopelessness 60%.",
            "bodily_reactions": "Heavy limbs, tiredness.",
            "behaviours": "Stays in bed, scrolls on the phone, cancels plans.",
        },
    ],
    ("supervisor", "trainee2"): [
        {
            "pseudonym": "Harbour",
            "presenting_problem": "Checks his body daily for signs of illness and asks relatives "
            "for reassurance many times a day.",
            "goals": "Halve the time spent checking; stop searching symptoms online.",
            "conceptualisation": "A friend's sudden illness made the idea of a hidden disease "
            "feel likely. Checking brings short relief and keeps attention on the body.",
            "situation": "Notices a mild headache in the evening.",
            "automatic_thoughts": "'This could be something serious they have missed.'",
            "emotions": "Anxiety 80%.",
            "bodily_reactions": "Tension in the neck, restlessness.",
            "behaviours": "Searches symptoms online, asks his partner whether he looks ill.",
        },
        {
            "pseudonym": "Orchid",
            "presenting_problem": "Long rituals of washing after touching door handles at work.",
            "goals": "Use shared doors at work without washing afterwards.",
            "conceptualisation": "An inflated sense of responsibility for passing on germs. "
            "Washing prevents her from learning that the feared outcome does not happen.",
            "situation": "Opens the office kitchen door.",
            "automatic_thoughts": "'If I don't wash, I'll make someone ill.'",
            "emotions": "Anxiety 75%, guilt 60%.",
            "bodily_reactions": "Crawling feeling on the hands.",
            "behaviours": "Washes for several minutes; uses her sleeve on handles.",
        },
    ],
    ("supervisor_in_training", "trainee2"): [
        {
            "pseudonym": "Linden",
            "presenting_problem": "Worries late into the night about work and family, sleeping "
            "four or five hours.",
            "goals": "Fall asleep within half an hour on most nights.",
            "conceptualisation": "Believes worrying keeps her prepared; also fears that the "
            "worry itself is harmful, so she tries to push it away.",
            "situation": "Lying in bed with the light off.",
            "automatic_thoughts": "'What if I forget something important tomorrow?'",
            "emotions": "Unease 65%, frustration 40%.",
            "bodily_reactions": "Wide awake, tense shoulders.",
            "behaviours": "Gets up to write lists, checks e-mail on the phone.",
        },
    ],
}

# Rotating sentences for each section; a few meetings in a row never read the same.
SECTION_TEXTS = {
    "scales_reviewed": [
        "Weekly anxiety ratings brought on a simple chart: a steady fall over three weeks.",
        "Mood ratings looked at together; a dip after a difficult family weekend.",
        "Diary counts of avoided situations: fewer this fortnight, with one bad day.",
        "No new scores this time; agreed to bring the rating sheet next meeting.",
    ],
    "homework_review": [
        "The planned reading on safety behaviours was done; the main point taken was how "
        "they stop a belief from being tested.",
        "The session-monitoring form was used twice. It showed long stretches of the "
        "therapist talking; useful to see on paper.",
        "Homework not done: the week was busier than expected. Agreed to make the task "
        "smaller rather than drop it.",
        "The case map was drawn and brought along; the maintaining cycle is now clearer.",
    ],
    "events_since_last": [
        "A new referral was allocated; one patient missed two appointments.",
        "Nothing unusual; caseload stable.",
        "A patient disclosed a bereavement, which changed the focus of recent sessions.",
        "Started working in a second clinic one day a week.",
    ],
    "agenda": [
        "1. Review homework. 2. Exposure planning for one case. 3. Managing session time.",
        "1. Ratings. 2. A stuck case. 3. Own reactions to a critical patient.",
        "1. Recording review. 2. Agenda setting with a talkative patient.",
        "1. Formulation of a new case. 2. Ending therapy well.",
    ],
    "chosen_issue_work": [
        "Built a graded list of feared situations together and role-played explaining the "
        "rationale for exposure in plain words.",
        "Used guided questions to look at the supervisee's thought 'I'm not helping her "
        "enough'; found evidence on both sides and a more balanced view.",
        "Listened to ten minutes of a recorded session and rated agenda setting and "
        "feedback; practised a shorter, clearer summary.",
        "Drew the vicious circle on the whiteboard and linked it to the next two sessions.",
    ],
    "homework_agreed": [
        "Before the next session with this patient, write a three-step exposure plan "
        "(what, where, how long) and bring it. Confidence 8/10.",
        "Monitor one session: mark each time you ask a question versus give information. "
        "Twenty minutes after the session, on the form. Confidence 7/10.",
        "Read the short chapter on behavioural experiments and note one idea to try. "
        "Confidence 9/10.",
        "Try a two-minute summary at the end of each session this week. Obstacle: running "
        "late; plan: set a quiet timer. Confidence 6/10, so start with two sessions only.",
    ],
    "summary": [
        "Good progress on exposure planning; the rationale is now easier to explain.",
        "The main learning was noticing how reassurance slips into sessions.",
        "Time was tight; the recording review will continue next time.",
        "A clearer formulation and a concrete plan for the next sessions.",
    ],
    "supervisor_evaluation": [
        "Engaged well and brought material prepared. Next step: more specific homework "
        "for patients.",
        "Open about difficulties; rating of agenda setting improved on the recording.",
        "Tends to move on quickly from the patient's emotion; worth slowing down.",
        "Solid formulation skills; confidence growing.",
    ],
    "supervisee_feedback": [
        "The role-play was the most useful part.",
        "Helpful to look at my own thought; I felt less stuck afterwards.",
        "I would like a bit more time on the recording next time.",
        "Clear and practical; I know what to do next week.",
    ],
}

META_TEXTS = {
    "agenda": [
        "1. How the supervision with a trainee is going. 2. Giving feedback on a recording.",
        "1. Structuring a supervision hour. 2. Own doubts as a new supervisor.",
    ],
    "chosen_issue_work": [
        "Looked at how to give specific, balanced feedback; practised with an invented "
        "example rather than real material.",
        "Worked on agreeing homework with a supervisee collaboratively rather than prescribing it.",
    ],
    "summary": [
        "Jonas is developing a clear structure; next focus is letting the supervisee lead more.",
        "Useful reflection on the pull to rescue; agreed to notice it in the next sessions.",
    ],
}

REFLECTIONS = [
    "I noticed I wanted to have the answer ready. When I slowed down, the plan became more "
    "realistic.",
    "Talking through my worry about this patient helped. I still feel unsure but less alone "
    "with it.",
    "The recording was hard to listen to, but I can already hear where I could have paused.",
]


def _weekday(date: datetime.date, *, forward: bool = False) -> datetime.date:
    """Supervision happens on working days: a weekend date moves to the nearest weekday."""
    if date.weekday() == 5:
        return date + datetime.timedelta(days=2 if forward else -1)
    if date.weekday() == 6:
        return date + datetime.timedelta(days=1)
    return date


def _meeting_dates(first_offset: int, every_days: int, today: datetime.date) -> list:
    dates, day = [], today - datetime.timedelta(days=SIX_MONTHS - first_offset)
    while day < today:
        dates.append(_weekday(day))
        day += datetime.timedelta(days=every_days)
    dates.append(_weekday(day, forward=True))  # the next meeting, already planned
    return dates


def _sections(index: int, texts=SECTION_TEXTS) -> dict[str, str]:
    sections = {}
    for name, options in SECTION_TEXTS.items():
        chosen = texts.get(name, options)
        sections[name] = chosen[index % len(chosen)]
    return sections


def _record(*, recorder: User, other: User, sections: dict[str, str], **arguments) -> Meeting:
    """One party drafts the record; the other adds the section only they write."""
    own = {
        name: text
        for name, text in sections.items()
        if name not in (Meeting.SUPERVISEE_ONLY_SECTIONS + Meeting.SUPERVISOR_ONLY_SECTIONS)
    }
    meeting = meeting_create(recorded_by=recorder, sections=own, **arguments)
    for person in (recorder, other):
        is_supervisor = person.pk == meeting.supervisor_id
        only = (
            Meeting.SUPERVISOR_ONLY_SECTIONS if is_supervisor else Meeting.SUPERVISEE_ONLY_SECTIONS
        )
        theirs = {name: sections[name] for name in only if sections.get(name)}
        if theirs:
            meeting = meeting_update(
                meeting=meeting, editor=person, revision=meeting.revision, sections=theirs
            )
    return meeting


def _seed_cases(supervision: Supervision, specs: list[dict]) -> list[Case]:
    cases = []
    for spec in specs:
        case = Case.objects.filter(supervision=supervision, pseudonym=spec["pseudonym"]).first()
        if case is None:
            case = case_create(supervision=supervision, author=supervision.supervisee, **spec)
            case_comment_add(
                case=case,
                author=supervision.supervisor,
                text="Thank you for the clear map. What would the patient predict happens if "
                "they dropped one safety behaviour for a week?",
            )
            case_comment_add(
                case=case,
                author=supervision.supervisee,
                text="I will ask at the next session and bring the answer.",
            )
        cases.append(case)
    return cases


def _seed_meetings(
    supervision: Supervision,
    *,
    first_offset: int,
    every_days: int,
    minutes: int,
    cases: list[Case],
    texts=SECTION_TEXTS,
) -> None:
    if supervision.attendances.exists():
        return
    today = timezone.localdate()
    open_cases = [case for case in cases if case.is_open] or cases
    case_cycle = cycle(open_cases) if open_cases else None
    modes = cycle([Meeting.Mode.IN_PERSON, Meeting.Mode.VIDEO, Meeting.Mode.VIDEO])
    for index, date in enumerate(_meeting_dates(first_offset, every_days, today)):
        planned = date >= today
        by_supervisor = bool(index % 3)
        meeting = _record(
            recorder=supervision.supervisor if by_supervisor else supervision.supervisee,
            other=supervision.supervisee if by_supervisor else supervision.supervisor,
            supervision=supervision,
            date=date,
            starts_at=datetime.time(10 if index % 2 else 16, 0),
            duration_minutes=minutes,
            mode=next(modes),
            observation=Meeting.Observation.RECORDED
            if index % 4 == 3 and not planned
            else Meeting.Observation.NONE,
            cases=[] if case_cycle is None else [next(case_cycle)],
            sections={"agenda": texts["agenda"][0]} if planned else _sections(index, texts),
        )
        if not planned and index % 5 == 1:
            meeting_reflection_save(
                meeting=meeting,
                author=supervision.supervisee,
                text=REFLECTIONS[index % len(REFLECTIONS)],
                shared_with_supervisor=index % 2 == 1,
            )


def _seed_group(people: dict[str, User]) -> SupervisionGroup:
    supervisor = people["supervisor"]
    group = SupervisionGroup.objects.filter(
        supervisor=supervisor, name="Wednesday CBT group"
    ).first()
    if group is not None:
        return group
    today = timezone.localdate()
    group = supervision_group_start(
        supervisor=supervisor,
        name="Wednesday CBT group",
        started_on=today - datetime.timedelta(days=SIX_MONTHS + 8),
        credit_rule=SupervisionGroup.CreditRule.SHARED,
        members=[people["trainee1"], people["trainee2"]],
    )
    members = list(group.memberships.select_related("supervisee"))
    for index, date in enumerate(_meeting_dates(10, 28, today)):
        present = members if index % 3 else members[:1]  # one member missed a few meetings
        discussed = list(
            Case.objects.filter(
                supervision__supervisee__in=[m.supervisee for m in present],
                supervision__supervisor=supervisor,
                status=Case.Status.OPEN,
            ).order_by("pseudonym")
        )[index % 2 :: 2]
        _record(
            recorder=supervisor,
            other=present[0].supervisee,
            group=group,
            attendees=present,
            date=date,
            starts_at=datetime.time(14, 0),
            duration_minutes=120,
            mode=Meeting.Mode.IN_PERSON,
            observation=Meeting.Observation.LIVE if index == 2 else Meeting.Observation.NONE,
            cases=[] if date >= today else discussed[:2],
            sections={} if date >= today else _sections(index + 1),
        )
    return group


@transaction.atomic
def seed_records(people: dict[str, User]) -> None:
    relationships = {
        (key_a, key_b): Supervision.objects.get(
            supervisor=people[key_a],
            supervisee=people[key_b],
            group__isnull=True,
            ended_on__isnull=True,
        )
        for key_a, key_b in [
            ("supervisor", "trainee1"),
            ("supervisor", "trainee2"),
            ("supervisor", "supervisor_in_training"),
            ("supervisor_in_training", "trainee2"),
        ]
    }
    cases = {
        pair: _seed_cases(supervision, CASES.get(pair, []))
        for pair, supervision in relationships.items()
    }
    _seed_meetings(
        relationships[("supervisor", "trainee1")],
        first_offset=0,
        every_days=14,
        minutes=60,
        cases=cases[("supervisor", "trainee1")],
    )
    _seed_meetings(
        relationships[("supervisor", "trainee2")],
        first_offset=7,
        every_days=14,
        minutes=60,
        cases=cases[("supervisor", "trainee2")],
    )
    _seed_meetings(
        relationships[("supervisor", "supervisor_in_training")],
        first_offset=3,
        every_days=28,
        minutes=90,
        cases=[],
        texts={**SECTION_TEXTS, **META_TEXTS},
    )
    _seed_meetings(
        relationships[("supervisor_in_training", "trainee2")],
        first_offset=4,
        every_days=14,
        minutes=50,
        cases=cases[("supervisor_in_training", "trainee2")],
    )
    _seed_group(people)
