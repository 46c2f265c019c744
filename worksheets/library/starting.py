"""Library worksheets for the start of supervision: expectations, past experience, the relationship."""

from worksheets.library.blocks import (
    checklist,
    column,
    guidance,
    heading,
    long,
    rating10,
    rows,
    short,
    single,
    top,
)

EXPECTATIONS = {
    "key": "expectations-and-needs",
    "title": "What I hope for from supervision",
    "topic": "starting",
    "introduction": (
        "Before the first meetings, take twenty minutes to think about what you want from "
        "supervision and what you need in order to use it well. Your supervisor can only meet "
        "needs they know about; writing them down is the first step to saying them out loud."
    ),
    "body": [
        heading("Where I want to get to"),
        long(
            "By the end of this period of supervision, what would I like to be able to do that I cannot do yet?",
            "Think of concrete moments in sessions rather than general qualities.",
        ),
        short(
            "How would I notice that supervision is working for me?",
            "For example: 'I leave meetings with one clear thing to try.'",
        ),
        heading("What I need from supervision"),
        checklist(
            "What would I like supervision to offer me?",
            [
                "Thinking through my cases together",
                "Feedback on recordings of my sessions",
                "Learning and practising specific techniques",
                "Room for the feelings my work stirs up in me",
                "Help with structuring sessions and treatment plans",
                "Suggestions for reading",
                "Practising difficult moments in role play",
            ],
            help_text="Tick everything that applies.",
            other="Something else",
        ),
        top(
            "Which of these matter most to me right now?",
            [
                "Thinking through my cases together",
                "Feedback on recordings of my sessions",
                "Learning and practising specific techniques",
                "Room for the feelings my work stirs up in me",
                "Help with structuring sessions and treatment plans",
                "Suggestions for reading",
                "Practising difficult moments in role play",
            ],
            pick=2,
        ),
        single(
            "How do I take in feedback best?",
            [
                "Straight to the point and specific",
                "Starting with what went well, then what to change",
                "Written down after the meeting so I can reread it",
                "A mix, depending on the topic",
            ],
        ),
        heading("What might get in the way"),
        long(
            "What could make it hard for me to bring things to supervision?",
            "For instance worries about being assessed, time, or earlier experiences.",
            required=False,
        ),
        rating10("How ready do I feel to start?", low="not ready at all", high="completely ready"),
    ],
}

PAST_SUPERVISION = {
    "key": "helpful-and-unhelpful-supervision",
    "title": "Helpful and unhelpful supervision I have had",
    "topic": "starting",
    "introduction": (
        "Most of us carry expectations from earlier supervision, training or mentoring. Looking at "
        "what helped and what did not makes it easier to ask for the first and avoid the second."
    ),
    "body": [
        guidance(
            "Think of supervisors, teachers or mentors you have had. Describe moments, not people: "
            "what was done or said, and what it did to you and your work."
        ),
        rows(
            "Moments I remember",
            [
                column("What happened"),
                column("How it was for me", "single_choice", ["Helpful", "Unhelpful", "Mixed"]),
                column("What made it so", "long_text"),
            ],
            min_rows=2,
            max_rows=6,
        ),
        long("What did the helpful supervisors do that I would like more of?"),
        long("What would I rather not go through again, and why?"),
        long(
            "What can I do myself to make this supervision useful?",
            "Preparation, honesty about difficulties, bringing recordings, asking questions...",
        ),
    ],
}

RELATIONSHIP = {
    "key": "anticipating-relationship-difficulties",
    "title": "Anticipating difficulties in the supervisory relationship",
    "topic": "starting",
    "introduction": (
        "Every working relationship meets difficulties; they are easier to handle when they have "
        "been named early. Pick the two you think most likely or most important, and plan for them."
    ),
    "body": [
        checklist(
            "Which difficulties could arise between my supervisor and me?",
            [
                "I am afraid of being judged and keep problems to myself",
                "We see cases through different theoretical lenses",
                "I disagree with advice but do not say so",
                "I lean on my supervisor for every decision",
                "There is too little time to cover what I need",
                "My supervisor also assesses me, which makes me cautious",
                "Differences in background or culture are not talked about",
                "I leave meetings unsure what was agreed",
            ],
            other="Another difficulty",
        ),
        top(
            "Which two seem most likely or most important?",
            [
                "Fear of being judged",
                "Different theoretical lenses",
                "Unspoken disagreement",
                "Leaning on my supervisor too much",
                "Too little time",
                "Being assessed",
                "Unspoken differences in background",
                "Unclear agreements",
                "Another difficulty I named",
            ],
            pick=2,
        ),
        rows(
            "A plan for these two",
            [
                column("The difficulty"),
                column("An early sign I would notice", "long_text"),
                column("What I will do", "long_text"),
                column("What I would like from my supervisor", "long_text"),
            ],
            min_rows=2,
            max_rows=2,
        ),
        rating10(
            "How comfortable would I feel raising one of these with my supervisor?",
            low="very uncomfortable",
            high="completely comfortable",
        ),
    ],
}

STRENGTHS = {
    "key": "strengths-and-development",
    "title": "Strengths to show and points to develop",
    "topic": "starting",
    "introduction": (
        "Supervision works best when it builds on what you already do well as much as on what you "
        "want to learn. Name both, as specifically as you can."
    ),
    "body": [
        heading("Strengths"),
        rows(
            "What I already do well in therapy",
            [
                column("Strength"),
                column("Where it shows, for example in a recent session", "long_text"),
            ],
            min_rows=2,
            max_rows=5,
        ),
        heading("Points to develop"),
        rows(
            "What I want to get better at",
            [
                column("Point to develop"),
                column("Why it matters for my patients", "long_text"),
                column("A first small step"),
            ],
            min_rows=2,
            max_rows=5,
        ),
        heading("A quick self-rating"),
        rating10(
            "Setting an agenda together at the start of sessions",
            low="not yet",
            high="every time, with ease",
        ),
        rating10(
            "Drawing up a formulation with the patient", low="not yet", high="every time, with ease"
        ),
        rating10("Agreeing and reviewing homework", low="not yet", high="every time, with ease"),
        long("What would I like my supervisor to notice about how I work?", required=False),
    ],
}

STARTING = [EXPECTATIONS, PAST_SUPERVISION, RELATIONSHIP, STRENGTHS]
