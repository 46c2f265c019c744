"""Library worksheets about oneself as a therapist: unease, stress, mistakes, preferences, beliefs."""

from worksheets.library.blocks import (
    checklist,
    circle,
    column,
    date,
    guidance,
    heading,
    likert,
    long,
    multiple,
    rating10,
    rating100,
    rows,
    short,
    single,
    top,
)

WEIGHT = {1: "Not at all", 3: "Somewhat", 5: "Very much"}

UNEASY_GROUPS = {
    "key": "clients-i-feel-uneasy-with",
    "title": "Clients I feel uneasy with",
    "topic": "self_knowledge",
    "introduction": (
        "Every therapist meets some people they find harder to work with than others. Noticing "
        "which ones, and what happens inside you, turns a blind spot into something to work on."
    ),
    "body": [
        checklist(
            "With which groups of clients do I feel less at ease?",
            [
                "People who are angry with me or criticise the therapy",
                "People much older or more experienced in life than I am",
                "People who talk about ending their life",
                "People who remind me of someone close to me",
                "People who use alcohol or drugs heavily",
                "People who talk without pause and are hard to guide",
                "People who say very little and wait for me to lead",
                "People who have lived through severe trauma",
                "People whose values differ sharply from mine",
            ],
            other="Another group",
        ),
        rows(
            "What happens for me with them",
            [
                column("Group"),
                column("What I feel"),
                column("What I then tend to do", "long_text"),
                column("What might help", "long_text"),
            ],
            max_rows=4,
        ),
        rating10(
            "How much does this unease affect my work at the moment?",
            low="not at all",
            high="a great deal",
        ),
        long("What could supervision offer me here?", required=False),
    ],
}

STRESS = {
    "key": "sources-of-stress",
    "title": "Sources of stress in my clinical work",
    "topic": "self_knowledge",
    "introduction": (
        "Stress in therapeutic work often comes as much from our own habits of mind as from the "
        "work itself. Rate how much each source weighs on you at the moment, then choose the one "
        "that weighs most."
    ),
    "body": [
        guidance("There are no right answers; rate what is true for you this month."),
        likert("Perfectionism: wanting every session to go exactly right", WEIGHT),
        likert("Fear of failure: worrying that patients will not improve because of me", WEIGHT),
        likert("Self-doubt: questioning whether I am suited to this work", WEIGHT),
        likert("Need for approval: wanting patients or colleagues to think well of me", WEIGHT),
        likert("Emotional depletion: feeling drained or numb after sessions", WEIGHT),
        likert("An unhealthy lifestyle: too little sleep, exercise or time off", WEIGHT),
        short("Another source of stress", required=False),
        rating10(
            "How much does that other source weigh on me?",
            low="not at all",
            high="very much",
            required=False,
        ),
        single(
            "Which one weighs most right now?",
            [
                "Perfectionism",
                "Fear of failure",
                "Self-doubt",
                "Need for approval",
                "Emotional depletion",
                "An unhealthy lifestyle",
                "The other source I named",
            ],
        ),
        long("A recent moment when it showed", "What happened, what I thought and what I did."),
        long("One thing I could do in the coming month to look after myself"),
    ],
}

MISTAKE = {
    "key": "processing-a-mistake",
    "title": "Processing a mistake or a therapy that is not working",
    "topic": "self_knowledge",
    "introduction": (
        "Mistakes and stuck therapies are part of every therapist's work. This worksheet helps you "
        "look at one with the same curiosity you would offer a patient. Use a pseudonym for anyone "
        "you mention."
    ),
    "body": [
        date("When did it happen?"),
        long(
            "What happened?", "Describe it briefly and factually, as a camera would have seen it."
        ),
        rows(
            "What I felt",
            [column("Emotion"), column("How strong (0-100)", "rating_100")],
            max_rows=5,
        ),
        long(
            "What did I tell myself about it?",
            "The thoughts that went through my mind then and since.",
        ),
        rating100(
            "How much do I hold myself responsible?",
            low="not at all",
            high="entirely",
        ),
        checklist(
            "What else played a part?",
            [
                "Gaps in my knowledge or skills",
                "The patient's circumstances outside therapy",
                "A method that did not fit this patient",
                "Pressure of time or caseload",
                "The setting or the service",
                "Information I did not have at the time",
            ],
            required=False,
            other="Something else",
        ),
        long("What would I say to a colleague who told me this had happened to them?"),
        long("What have I learned, and what will I do differently?"),
        single(
            "Do I want to bring this to supervision?",
            ["Yes, at the next meeting", "Yes, but later", "Not for now"],
        ),
    ],
}

TECHNIQUES = {
    "key": "favourite-techniques",
    "title": "Techniques I reach for and the work I am drawn to",
    "topic": "self_knowledge",
    "introduction": (
        "Our preferences say something about our strengths and about what we avoid. Knowing them "
        "helps you choose a method for the patient's sake rather than out of habit."
    ),
    "body": [
        top(
            "Which techniques do I reach for most often?",
            [
                "Socratic questioning",
                "Thought records",
                "Behavioural experiments",
                "Activity scheduling",
                "Graded exposure",
                "Problem solving",
                "Role play",
                "Work with imagery",
                "Drawing the formulation with the patient",
                "Breathing and relaxation",
                "Explaining how a problem works (psychoeducation)",
            ],
            pick=3,
        ),
        long("Why these? What do they give me and my patients?"),
        multiple(
            "What kinds of work am I drawn to?",
            [
                "Short, focused therapies",
                "Longer therapies",
                "Groups",
                "Couples or families",
                "Young people",
                "Older adults",
                "Anxiety problems",
                "Low mood",
                "Long-standing personality patterns",
            ],
        ),
        long("Which techniques do I tend to avoid, and what might be behind that?"),
        rating10(
            "How confident am I using one of the techniques I avoid?",
            low="not at all",
            high="fully confident",
        ),
    ],
}

COUNTERTRANSFERENCE = {
    "key": "countertransference-vicious-circle",
    "title": "My reactions to a patient: the vicious circle",
    "topic": "self_knowledge",
    "introduction": (
        "Strong reactions to a patient are information, not a failing. Map one reaction as a "
        "vicious circle, the same way you would map a patient's problem, to see how your thoughts, "
        "feelings, body and behaviour keep each other going in the session."
    ),
    "body": [
        short(
            "Patient (pseudonym only)", "Never a real name or anything that could identify them."
        ),
        circle(
            "The circle in the session",
            "Start with the moment in the session when the reaction was strongest.",
        ),
        rating10("How strong was my reaction?", low="barely noticeable", high="overwhelming"),
        long("How might this reaction affect the therapy if I do not notice it?"),
        long("Which of my own beliefs or rules does this touch?", required=False),
    ],
}

DOWNWARD_ARROW = {
    "key": "downward-arrow",
    "title": "Core beliefs and rules: the downward arrow",
    "topic": "self_knowledge",
    "introduction": (
        "The downward arrow follows an automatic thought to the belief underneath it by asking, "
        "again and again: if that were true, what would it mean about me? Try it on a moment from "
        "your own work."
    ),
    "body": [
        short("The situation", "A moment in your work that upset you."),
        short("My first automatic thought"),
        rows(
            "Following the arrow down",
            [column("If that were true, what would it mean about me?", "long_text")],
            help_text="Write one step per row until you reach something that feels basic and absolute.",
            min_rows=3,
            max_rows=6,
        ),
        short("The belief at the bottom, in a few words"),
        rating100("How strongly do I believe it right now?", low="not at all", high="completely"),
        heading("The rules that protect me from it"),
        rows(
            "My conditional rules",
            [column("If ..."), column("then ...")],
            help_text="For example: 'If I prepare every session perfectly, then nobody will see my doubts.'",
            max_rows=4,
        ),
        long("How do this belief and these rules show up in my work with patients?"),
    ],
}

VIEWS_OF_THERAPY = {
    "key": "patient-self-and-homework",
    "title": "How I see this patient, myself and the homework",
    "topic": "patients",
    "introduction": (
        "In a difficult therapy we often slip into fixed roles without noticing. Look at the roles "
        "you see in one therapy now, then look for a more balanced view."
    ),
    "body": [
        short("Patient (pseudonym only)"),
        single(
            "At the moment I see the patient mostly as...",
            [
                "Someone working against me",
                "Someone helpless who has to be rescued",
                "A partner in the work",
                "Hard to say",
            ],
        ),
        single(
            "And myself mostly as...",
            [
                "Someone under attack",
                "A co-worker alongside the patient",
                "A carer who has to look after them",
                "A rescuer who has to solve it",
                "An expert who must have the answers",
            ],
        ),
        single(
            "And the homework mostly as...",
            [
                "Hopeless: it will not be done anyway",
                "Productive: it moves the therapy on",
                "A way of keeping things as they are",
                "A test the patient has to pass",
            ],
        ),
        long("What in the sessions makes me see things this way?"),
        long("How might these views shape what I do and do not do?"),
        long("A more balanced way to see the patient, myself and the homework"),
    ],
}

SELF_KNOWLEDGE = [
    UNEASY_GROUPS,
    STRESS,
    MISTAKE,
    TECHNIQUES,
    COUNTERTRANSFERENCE,
    DOWNWARD_ARROW,
    VIEWS_OF_THERAPY,
]
