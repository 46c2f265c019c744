"""Library worksheets for practice: homework monitoring, self-practice records, readings, supervising."""

from worksheets.library.blocks import (
    checklist,
    column,
    date,
    duration,
    guidance,
    heading,
    likert,
    long,
    number,
    rating10,
    rating100,
    rows,
    short,
    single,
    time,
)

AGREEMENT = {1: "Not at all", 3: "Partly", 5: "Fully"}

HOMEWORK_MONITORING = {
    "key": "homework-monitoring",
    "title": "Monitoring how I set and review homework with a patient",
    "topic": "patients",
    "introduction": (
        "Homework is where much of the change in CBT happens, and how it is agreed and reviewed "
        "shapes whether it gets done. Keep this log for one patient over several sessions."
    ),
    "body": [
        short("Patient (pseudonym only)"),
        number("Sessions so far", min_value=1, max_value=200, unit="sessions"),
        rows(
            "Session by session",
            [
                column("Date", "date"),
                column("Homework agreed"),
                column("Did I explain why?", "single_choice", ["Yes", "Partly", "No"]),
                column("Reviewed first next time?", "single_choice", ["Yes", "Partly", "No"]),
                column("Patient's confidence (0-10)", "rating_10"),
            ],
            max_rows=8,
        ),
        checklist(
            "When I set homework I usually...",
            [
                "Work it out together with the patient",
                "Explain how it links to their goals",
                "Make it specific: what, when, where, how long",
                "Ask what could get in the way, and plan for it",
                "Ask how confident they are that they can do it",
                "Write it down or have the patient write it down",
                "Start it together in the session",
            ],
            other="",
        ),
        long("What pattern do I notice across these sessions?"),
        long("One thing I will change in the next session"),
    ],
}

THOUGHT_RECORD = {
    "key": "thought-record",
    "title": "Thought record for self-practice",
    "topic": "self_practice",
    "introduction": (
        "Trying a method on yourself is one of the best ways to learn what it asks of a patient. "
        "Choose a moment from the last few days when your mood changed, and work through it."
    ),
    "body": [
        heading("The moment"),
        date("Date"),
        time("About what time?", required=False),
        long("Situation", "Where were you, who was there, what was happening?"),
        rows(
            "Emotions at the time",
            [column("Emotion"), column("How strong (0-100)", "rating_100")],
            max_rows=4,
        ),
        heading("Thoughts"),
        long("Automatic thoughts", "What went through your mind? Mark the one that hurt most."),
        rating100(
            "How much did I believe the most painful thought?", low="not at all", high="completely"
        ),
        long("What supports that thought?"),
        long("What does not fit with it?"),
        heading("A new look"),
        long("A more balanced thought"),
        rating100(
            "How much do I believe the balanced thought?", low="not at all", high="completely"
        ),
        rows(
            "Emotions now",
            [column("Emotion"), column("How strong now (0-100)", "rating_100")],
            max_rows=4,
        ),
        long(
            "What did I learn about using this method with patients?",
            "What was hard, what helped, what I would explain differently.",
        ),
    ],
}

BEHAVIOURAL_EXPERIMENT = {
    "key": "behavioural-experiment",
    "title": "Behavioural experiment record",
    "topic": "self_practice",
    "introduction": (
        "A behavioural experiment tests a belief by doing something and watching what actually "
        "happens. Plan it in advance, predict the outcome, then record what you found."
    ),
    "body": [
        heading("Before"),
        long("The belief I want to test"),
        rating100("How much do I believe it now?", low="not at all", high="completely"),
        long("The experiment: what I will do, where and when"),
        date("Planned for"),
        duration("How long it will take", max_hours=12),
        long("What I predict will happen"),
        long("What could get in the way, and how I will handle it"),
        rating10(
            "How confident am I that I will carry it out?",
            low="not at all",
            high="completely",
            help_text="Below about 7? Consider making the experiment smaller.",
        ),
        heading("After"),
        long("What actually happened", required=False),
        long("What I learned", required=False),
        rating100(
            "How much do I believe the original belief now?",
            low="not at all",
            high="completely",
            required=False,
        ),
        long("What I will do next", required=False),
    ],
}

READING = {
    "key": "reading-reflection",
    "title": "Reflection on a reading",
    "topic": "learning",
    "introduction": (
        "Reading sticks when you connect it to your own work. Summarise the reading in your own "
        "words, then think about what it changes in your practice."
    ),
    "body": [
        short("Full reference", "Authors, year, title, where it was published.", max_length=400),
        date("Date I read it"),
        duration("Time spent reading", max_hours=20),
        long("The main ideas, in my own words"),
        long("What surprised or challenged me"),
        long("How I will use this with a patient"),
        rating10("How useful was it for my practice?", low="not at all", high="extremely"),
        long("Questions I want to bring to supervision", required=False),
    ],
}

LED_SUPERVISION = {
    "key": "reflection-on-supervision-i-led",
    "title": "Reflection on a supervision session I led",
    "topic": "supervising",
    "introduction": (
        "For supervisors in training: look back on a supervision session you led, soon after it "
        "happened, and bring this reflection to your own supervision."
    ),
    "body": [
        date("Date of the session"),
        duration("Length of the session", max_hours=4),
        single("Format", ["Individual", "Group"]),
        checklist(
            "Which parts did the session include?",
            [
                "Review of the homework agreed last time",
                "Events since the last meeting",
                "Setting the agenda together",
                "Work on the chosen issue",
                "Agreeing new homework",
                "A summary",
                "Feedback on the session from the supervisee",
            ],
            other="",
        ),
        guidance("Rate how far each statement was true of you in this session."),
        likert("I helped the supervisee find answers rather than handing them over", AGREEMENT),
        likert("I linked the discussion to the case formulation", AGREEMENT),
        likert("I kept to time and to the agenda we agreed", AGREEMENT),
        long("What went well"),
        long("What I would do differently"),
        rating10(
            "How did I feel while leading the session?",
            low="very uneasy",
            high="completely at ease",
        ),
        long("What I want to bring to my own supervisor", required=False),
    ],
}

PRACTICE = [HOMEWORK_MONITORING, THOUGHT_RECORD, BEHAVIOURAL_EXPERIMENT, READING, LED_SUPERVISION]
