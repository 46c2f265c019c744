"""The questionnaires shipped with the product, written by this project for reflection.

None of them is a validated psychometric instrument and none copies a published one: the
names of schemas and competence domains are facts, every sentence here is our own. Each
definition says so in its notice, which is shown with the questionnaire and its results.
"""

from worksheets.scoring.definitions import (
    BY_SCALE,
    MIXED,
    SUM,
    Anchor,
    Band,
    Item,
    LikertRange,
    Questionnaire,
    Scale,
    Total,
)

REFLECTIVE_NOTICE = (
    "A reflective tool written for this course, not a validated psychometric instrument. "
    "The scores are a starting point for reflection and supervision, not a diagnosis or a "
    "judgement of your worth as a therapist."
)
RATING_NOTICE = (
    "A structured rating form written for this course to guide feedback on one session. It "
    "is not a validated assessment instrument; use it to start a conversation, not to "
    "certify competence."
)


def _scales_and_items(specs, *, interleave: bool):
    """Scales, and their items named ``<scale>_<n>``; interleaved for a mixed fixed order."""
    scales = []
    per_scale = []
    for spec in specs:
        low, moderate, high = spec["bands"]
        scales.append(
            Scale(
                name=spec["name"],
                title=spec["title"],
                description=spec["description"],
                method=spec.get("method", "mean"),
                max_missing=spec.get("max_missing", 1),
                bands=(
                    Band(spec["labels"][0], spec["cuts"][0], spec["cuts"][1], low),
                    Band(spec["labels"][1], spec["cuts"][2], spec["cuts"][3], moderate),
                    Band(spec["labels"][2], spec["cuts"][4], spec["cuts"][5], high),
                ),
                reflection_prompt=spec.get("prompt", ""),
                group=spec.get("group", ""),
            )
        )
        per_scale.append(
            [
                Item(
                    machine_name=f"{spec['name']}_{number}",
                    text=text.removeprefix("R: "),
                    scale=spec["name"],
                    reverse_keyed=text.startswith("R: "),
                )
                for number, text in enumerate(spec["items"], start=1)
            ]
        )
    if not interleave:
        return tuple(scales), tuple(item for items in per_scale for item in items)
    # One item of each scale in turn, so neighbouring items rarely belong to the same scale.
    longest = max(len(items) for items in per_scale)
    mixed = [items[index] for index in range(longest) for items in per_scale if index < len(items)]
    return tuple(scales), tuple(mixed)


# --- (a) Therapist schema self-check ----------------------------------------------------

SCHEMA_LABELS = ("Low", "Moderate", "High")
SCHEMA_CUTS = ("1", "2.49", "2.5", "3.99", "4", "6")

SCHEMA_SCALES = [
    {
        "name": "demanding_standards",
        "title": "Demanding standards",
        "description": (
            "Holding yourself to very high standards in your clinical work, with little room "
            "for the ordinary mistakes and uneven sessions every therapist has."
        ),
        "items": [
            "After a session I go over what I said and find things I should have done better.",
            "I expect each of my sessions to bring visible progress.",
            "I hesitate to set homework until I have worked out the ideal task.",
            "When a patient has not done their homework, my first question is what I did wrong.",
            "R: I can accept a session that was good enough, even if it was not my best.",
        ],
        "bands": (
            "Demanding standards seem to play a small part in your work at present. They may "
            "still appear on tired days or when a therapy stalls; watch for them then.",
            "Demanding standards show up at times. They can keep your work careful, and they "
            "can also turn homework setting into a test you must pass. Notice which sessions "
            "bring them out.",
            "Demanding standards seem to weigh on your work. They may lead you to over-prepare, "
            "to judge sessions harshly, or to set homework that asks too much of your patient "
            "or of you. This is worth bringing to supervision.",
        ),
        "prompt": (
            "Think of a recent session you judged harshly. What would you say to a colleague "
            "who had led the same session?"
        ),
    },
    {
        "name": "self_sacrifice",
        "title": "Excessive self-sacrifice",
        "description": (
            "Putting patients' needs so far ahead of your own that your rest, your boundaries "
            "or the treatment plan suffer."
        ),
        "items": [
            "I answer patients' messages outside my working hours, even when it tires me.",
            "I go along with what a patient wants even when the treatment plan needs something "
            "else, so as not to burden them.",
            "I feel guilty taking time off while patients are waiting for me.",
            "I make homework lighter than I think useful so as not to add to a patient's load.",
            "R: I keep time for my own rest without feeling that I am letting patients down.",
        ],
        "bands": (
            "You seem able to care for patients while keeping your own needs in view. Busy "
            "periods are when this balance is easiest to lose.",
            "Self-sacrifice shows up in some of your work. Look at whether it has made you go "
            "easy on homework, let sessions overrun, or answer messages when you needed rest.",
            "Self-sacrifice seems to shape much of your work. It may lead you to spare patients "
            "useful effort, to blur boundaries and to wear yourself out. Consider what caring "
            "for a patient and for yourself at the same time would look like.",
        ),
        "prompt": (
            "When did you last lighten or drop a task to spare a patient? What did the patient "
            "lose, and what did you gain?"
        ),
    },
    {
        "name": "special_superior",
        "title": "Special or superior person",
        "description": (
            "Feeling that your experience or insight puts you above ordinary rules and "
            "structure, or that patients should follow your lead without much discussion."
        ),
        "items": [
            "It irritates me when a patient questions the method I have chosen.",
            "Parts of the usual session structure are unnecessary for a therapist like me.",
            "I expect patients to take up my suggestions without much discussion.",
            "I think I understand my patients' problems better than most colleagues would.",
            "R: I welcome it when a patient tells me a task did not suit them.",
        ],
        "bands": (
            "You seem open to structure and to your patients' views of the work. Notice "
            "whether this holds with patients you find less likeable or less motivated.",
            "At times the usual structure may feel beneath you, or a patient's questions may "
            "irritate you. Notice which patients and which moments bring this out.",
            "A sense of being special or superior seems to colour your work. It can make "
            "collaboration and feedback harder, and homework can become instructions rather "
            "than shared experiments. This is worth exploring with your supervisor.",
        ),
        "prompt": (
            "Recall a moment when a patient disagreed with your plan. What did you feel, and "
            "what did you do with their view?"
        ),
    },
    {
        "name": "need_for_approval",
        "title": "Need for approval",
        "description": (
            "Needing patients, or colleagues, to like and approve of you, so that you steer "
            "away from anything that might displease them."
        ),
        "items": [
            "I avoid proposing homework that a patient might not like.",
            "I feel unsettled for the rest of the day when a patient seems displeased with me.",
            "When I ask for feedback at the end of a session, I mostly hope to hear that it "
            "went well.",
            "I leave undone homework unmentioned so that the atmosphere stays friendly.",
            "R: I can stand by a decision I think is right even when a patient is annoyed.",
        ],
        "bands": (
            "Approval seems to matter to you in the ordinary way, without steering your "
            "decisions. Notice whether that changes with openly critical patients.",
            "The wish to be liked sometimes steers you. It may show in how readily you set or "
            "review homework, or in how you respond when a patient seems unhappy.",
            "The need for approval seems to shape many of your clinical choices. It may lead "
            "you to avoid setting or reviewing homework, or to hold back what you think is "
            "needed. Supervision is a safe place to test what happens if you risk a patient's "
            "displeasure.",
        ),
        "prompt": (
            "Which task have you not proposed because the patient might not like it? What do "
            "you predict would happen if you proposed it?"
        ),
    },
    {
        "name": "need_for_control",
        "title": "Need for control",
        "description": (
            "Needing sessions, tasks and patients to go as you planned, and finding it hard "
            "to share decisions or to live with uncertainty."
        ),
        "items": [
            "I plan homework in detail and leave little for the patient to decide.",
            "I become tense when a session drifts away from the agenda.",
            "I find it hard to let a patient try a task in their own way.",
            "I want to know exactly how each homework task was carried out, step by step.",
            "R: I am at ease when a patient adapts the agreed homework to fit their life.",
        ],
        "bands": (
            "You seem able to share control with your patients and to let sessions take "
            "their own course when that is useful.",
            "A need for control shows up at times, perhaps in very detailed homework plans or "
            "tension when the agenda slips. Notice what you fear would happen if you held "
            "things more loosely.",
            "A need for control seems to run through your work. It can leave patients little "
            "room to shape their own homework and make collaboration one-sided. Consider a "
            "task where the patient decides more of the details.",
        ),
        "prompt": (
            "What might happen if your next patient designed their own homework? What would "
            "you need to tolerate?"
        ),
    },
    {
        "name": "fear_of_rejection",
        "title": "Fear of rejection",
        "description": (
            "Expecting patients to leave, lose interest or turn away from you, and reading "
            "cancellations or cool replies as signs of it."
        ),
        "items": [
            "When a patient cancels, I wonder whether they are leaving therapy because of me.",
            "I worry that a patient will drop out if I ask too much of them.",
            "A short or cool reply from a patient stays on my mind for hours.",
            "I put off talking about the end of therapy because it feels like being left.",
            "R: When a patient misses a session, I can think of many reasons that have nothing "
            "to do with me.",
        ],
        "bands": (
            "You seem to take cancellations and cool moments in your stride, without reading "
            "them as rejection.",
            "Fear of rejection is present at times. It may make you ask less of patients than "
            "you think useful, or make endings and missed sessions hard to raise.",
            "Fear of rejection seems to weigh on your work. It can lead you to avoid asking for "
            "effort, to hold on to therapies that could end, and to read a patient's "
            "difficulties as a verdict on you. Bring a concrete example to supervision.",
        ),
        "prompt": (
            "When a patient last cancelled, what went through your mind? What other "
            "explanations were there?"
        ),
    },
    {
        "name": "anger_conflict",
        "title": "Difficulty with anger or conflict",
        "description": (
            "Finding it hard to notice, tolerate or talk about anger and disagreement, your "
            "own or your patient's."
        ),
        "items": [
            "When a patient criticises me, I quickly move on to another subject.",
            "I find it hard to raise it when a patient keeps arriving late.",
            "I notice irritation with a patient but keep it to myself until it builds up.",
            "I avoid disagreeing openly with a patient about whether a task was useful.",
            "R: I can talk calmly with a patient about a disagreement between us.",
        ],
        "bands": (
            "You seem able to name disagreements and tensions with patients and to work with them.",
            "Conflict is uncomfortable for you at times. Repeated lateness, undone homework or "
            "criticism may pass without being discussed.",
            "Difficulty with anger or conflict seems to shape your work. Irritation may build "
            "up unspoken, and strains in the working relationship may stay unrepaired. "
            "Rehearsing how to raise a disagreement, for example in a role play in "
            "supervision, can help.",
        ),
        "prompt": (
            "Think of a tension with a patient you have not raised. How could you name it in "
            "one calm sentence?"
        ),
    },
    {
        "name": "helplessness",
        "title": "Helplessness",
        "description": (
            "Feeling that you have little to offer, or that nothing you do will make a "
            "difference, especially when a therapy stalls."
        ),
        "items": [
            "With some patients I feel there is nothing I can offer that would help.",
            "When homework is left undone several times, I stop setting it.",
            "I doubt that my skills are enough for the patients I see.",
            "After a difficult session I feel I lack the tools to move things forward.",
            "R: When a therapy is stuck, I trust that I can find a next step, with supervision "
            "if needed.",
        ],
        "bands": (
            "You seem to keep a sense of what you can offer, even when therapy is hard going.",
            "Helplessness appears with some patients or at some times. Notice whether it leads "
            "you to give up on homework or to stop trying new approaches.",
            "Helplessness seems to be a frequent companion in your work. It can lead to "
            "dropping homework, losing direction in sessions and doubting your skills. "
            "Bringing a stuck therapy to supervision and planning one small next step is a "
            "good start.",
        ),
        "prompt": (
            "In a therapy that feels stuck, what is one small thing that is still within your "
            "influence?"
        ),
    },
]
for _spec in SCHEMA_SCALES:
    _spec.update(labels=SCHEMA_LABELS, cuts=SCHEMA_CUTS)

_schema_scales, _schema_items = _scales_and_items(SCHEMA_SCALES, interleave=True)

SCHEMA_SELF_CHECK = Questionnaire(
    slug="therapist-schema-self-check",
    title="Therapist schema self-check",
    notice=REFLECTIVE_NOTICE,
    instructions=(
        "Therapists bring their own patterns of thinking and feeling into the therapy room. "
        "They shape how we set homework, how we react when it is not done, and what we find "
        "hard with some patients. The statements below describe some of these patterns. For "
        "each one, choose how often it is true of you in your clinical work over the last few "
        "months. Answer for how you are, not how you would like to be; there are no right "
        "answers. You may leave a statement out if it does not apply, and your results stay "
        "private unless you choose to share them with your supervisor."
    ),
    presentation=MIXED,
    likert=LikertRange(
        minimum=1,
        maximum=6,
        anchors=(
            Anchor(1, "Never true of me"),
            Anchor(2, "Rarely true"),
            Anchor(3, "Sometimes true"),
            Anchor(4, "Often true"),
            Anchor(5, "Usually true"),
            Anchor(6, "Almost always true of me"),
        ),
    ),
    scales=_schema_scales,
    items=_schema_items,
)


# --- (b) Beliefs about homework in one therapy ------------------------------------------

BELIEF_LABELS = ("Weak", "Moderate", "Strong")
BELIEF_CUTS = ("0", "1.49", "1.5", "2.49", "2.5", "4")

BELIEF_SCALES = [
    {
        "name": "patient_aggressor",
        "group": "My patient",
        "title": "My patient as an aggressor",
        "description": (
            "Seeing the patient as attacking, blaming or exploiting you, so that homework "
            "becomes a battleground."
        ),
        "items": [
            "My patient criticises or attacks what I offer.",
            "I brace myself before sessions with this patient.",
            "My patient uses undone homework to show me that I am failing.",
        ],
        "bands": (
            "You hardly see this patient as an opponent at the moment.",
            "At times this patient feels like an opponent. Notice whether homework has become "
            "a contest over who is right.",
            "This patient often feels like an opponent. Consider what their attacks may be "
            "protecting, and whether smaller, jointly chosen tasks would lower the stakes.",
        ),
    },
    {
        "name": "patient_victim",
        "group": "My patient",
        "title": "My patient as a helpless victim",
        "description": (
            "Seeing the patient as too fragile or too harmed to do anything for themselves."
        ),
        "items": [
            "My patient seems too fragile to be asked to do things between sessions.",
            "My patient's circumstances leave them hardly any room to change anything.",
            "R: My patient can cope with more than they think.",
        ],
        "bands": (
            "You see this patient as able to take on tasks of their own.",
            "You sometimes see this patient as too fragile for homework. Check whether the "
            "tasks you set have become smaller than they need to be.",
            "You see this patient mainly as a helpless victim. Tasks may become too small to "
            "matter; recall what this patient has already coped with.",
        ),
    },
    {
        "name": "patient_collaborator",
        "group": "My patient",
        "title": "My patient as a collaborator",
        "description": "Seeing the patient as an active partner in the work of therapy.",
        "items": [
            "My patient brings their own ideas for what to try between sessions.",
            "My patient and I work on the problem side by side.",
            "R: My patient leaves the work of therapy to me.",
        ],
        "bands": (
            "You rarely experience this patient as a partner in the work. Consider what would "
            "help them take a more active part, for example choosing part of the next task.",
            "This patient is a partner some of the time. Notice when collaboration works and "
            "what gets in its way.",
            "You experience this patient as a real collaborator. Notice what makes this "
            "possible so you can build on it.",
        ),
    },
    {
        "name": "self_victim",
        "group": "Myself",
        "title": "Myself as a victim",
        "description": "Experiencing yourself as powerless or treated unfairly in this therapy.",
        "items": [
            "I feel my patient makes my work harder than it needs to be.",
            "I feel powerless in sessions with this patient.",
            "After sessions with this patient I feel worn down or treated unfairly.",
        ],
        "bands": (
            "You rarely feel like a victim in this therapy.",
            "At times you feel powerless or unfairly treated. It may help to look at what "
            "triggers this and what you do next.",
            "You often feel like a victim in this therapy. This is an important feeling to "
            "bring to supervision; it can quietly shape how you set and review homework.",
        ),
    },
    {
        "name": "self_coworker",
        "group": "Myself",
        "title": "Myself as a co-worker",
        "description": "Seeing yourself as one half of a team working on the problem.",
        "items": [
            "I see myself as one member of a team of two working on this problem.",
            "I explain my reasons when I propose a task to this patient.",
            "R: I decide the homework and my patient carries it out.",
        ],
        "bands": (
            "You rarely see yourself as a co-worker in this therapy. Consider sharing more of "
            "your reasoning and asking your patient for their ideas.",
            "You see yourself as a co-worker some of the time. Notice when you step out of "
            "that role and why.",
            "You see yourself as a co-worker in this therapy, a good basis for homework your "
            "patient owns.",
        ),
    },
    {
        "name": "self_carer",
        "group": "Myself",
        "title": "Myself as a carer",
        "description": "Seeing your role mainly as looking after and protecting the patient.",
        "items": [
            "I want to look after this patient more than to challenge them.",
            "I try to make things easier for this patient whenever I can.",
            "I worry about putting too much on this patient's shoulders.",
        ],
        "bands": (
            "Looking after this patient does not dominate how you see your role.",
            "Caring for this patient is an important part of how you see your role. Check that "
            "it leaves room for useful challenge.",
            "You see yourself mainly as this patient's carer. Care can turn into protecting "
            "the patient from the effort that change needs; look at the homework with that "
            "in mind.",
        ),
    },
    {
        "name": "self_rescuer",
        "group": "Myself",
        "title": "Myself as a rescuer",
        "description": "Feeling responsible for getting the patient out of their difficulties.",
        "items": [
            "I feel it is up to me to get this patient out of their difficulties.",
            "I do things for this patient that they could do for themselves.",
            "If this therapy fails, it will be because I did not do enough.",
        ],
        "bands": (
            "You do not seem to carry this patient's difficulties as your own task.",
            "At times you feel you must rescue this patient. Notice which tasks you have "
            "taken over from them.",
            "You often feel you must rescue this patient. This can leave them with less to do "
            "and you with too much; consider handing one task back.",
        ),
    },
    {
        "name": "homework_hopeless",
        "group": "The homework",
        "title": "Homework as hopeless",
        "description": "Expecting homework to make no difference in this therapy.",
        "items": [
            "Homework will not make a difference for this patient.",
            "Setting tasks with this patient feels like a waste of effort.",
            "R: I expect this patient to learn something from the next task.",
        ],
        "bands": (
            "You expect homework to be of some use in this therapy.",
            "You sometimes doubt that homework will help here. Ask what a task small enough "
            "to succeed would look like.",
            "You see homework as hopeless in this therapy. That belief can make itself come "
            "true; consider testing it with one small, clearly defined task.",
        ),
    },
    {
        "name": "homework_productive",
        "group": "The homework",
        "title": "Homework as productive",
        "description": "Seeing homework as a real source of change in this therapy.",
        "items": [
            "Homework helps this patient try out new ways of thinking and acting.",
            "What this patient does between sessions moves the therapy forward.",
            "Reviewing homework gives us useful material for the session.",
        ],
        "bands": (
            "You see little productive value in homework in this therapy at present. Consider "
            "what has made it feel that way.",
            "You see homework as useful some of the time. Notice which tasks worked and why.",
            "You see homework as a productive part of this therapy. Keep reviewing it first, "
            "so the patient sees that their effort matters.",
        ),
    },
    {
        "name": "homework_status_quo",
        "group": "The homework",
        "title": "Homework as keeping things as they are",
        "description": "Seeing homework as a safe routine that keeps the therapy where it is.",
        "items": [
            "Homework with this patient has become a routine that changes little.",
            "We agree tasks that feel safe rather than tasks that would stretch my patient.",
            "Homework keeps things calm between us more than it moves things on.",
        ],
        "bands": (
            "Homework in this therapy does not seem to have become a safe routine.",
            "Homework sometimes keeps things as they are. Consider one task that would "
            "stretch your patient a little.",
            "Homework seems to keep this therapy where it is. Ask what you and your patient "
            "might be avoiding together.",
        ),
    },
]
for _spec in BELIEF_SCALES:
    _spec.update(labels=BELIEF_LABELS, cuts=BELIEF_CUTS)

_belief_scales, _belief_items = _scales_and_items(BELIEF_SCALES, interleave=False)

HOMEWORK_BELIEFS = Questionnaire(
    slug="homework-beliefs",
    title="How I see my patient, myself and homework in one therapy",
    notice=REFLECTIVE_NOTICE,
    instructions=(
        "Choose one therapy you are working on now and keep that patient in mind (use a "
        "pseudonym if you write about them anywhere). The statements are grouped in three "
        "parts: how you see your patient, how you see yourself in this therapy, and how you "
        "see the homework. Rate how strongly each statement fits this therapy at the moment. "
        "Views like these are common and change over time; noticing them is the point."
    ),
    presentation=BY_SCALE,
    likert=LikertRange(
        minimum=0,
        maximum=4,
        anchors=(
            Anchor(0, "Does not fit at all"),
            Anchor(1, "Fits a little"),
            Anchor(2, "Fits partly"),
            Anchor(3, "Fits well"),
            Anchor(4, "Fits completely"),
        ),
    ),
    scales=_belief_scales,
    items=_belief_items,
)


# --- (c) Session competence rating ------------------------------------------------------

COMPETENCE_DOMAINS = [
    (
        "agenda_setting",
        "Agenda setting",
        "At the start, therapist and patient agree together which topics the session will "
        "cover and roughly how much time each deserves, including a look back at the last "
        "homework; the agenda is then followed, or changed openly if something more pressing "
        "comes up.",
    ),
    (
        "feedback",
        "Feedback",
        "The therapist checks regularly how the patient understands and experiences the "
        "session, summarises at key points, invites the patient's reactions, critical ones "
        "included, and makes use of what they hear.",
    ),
    (
        "collaboration",
        "Collaboration",
        "Therapist and patient work as a team: the patient's ideas shape decisions, the "
        "therapist explains the reasons for what they propose, and the patient takes an "
        "active part rather than receiving help passively.",
    ),
    (
        "pacing",
        "Pacing and efficient use of time",
        "The session moves at a speed the patient can follow, time goes where it matters "
        "most, unproductive detours are gently brought back, and the session ends on time "
        "with room for a summary.",
    ),
    (
        "interpersonal_effectiveness",
        "Interpersonal effectiveness",
        "The therapist comes across as warm, genuine and attentive, shows that they "
        "understand the patient's point of view, and builds enough trust for difficult "
        "material to be explored.",
    ),
    (
        "emotional_expression",
        "Eliciting appropriate emotional expression",
        "The therapist helps the patient notice, name and express feelings at an intensity "
        "that helps the work, neither steering around emotion nor letting it overwhelm the "
        "session.",
    ),
    (
        "key_cognitions",
        "Eliciting key cognitions",
        "The therapist helps the patient find the thoughts, images and meanings that matter "
        "most for the problem, for example in a recent upsetting moment, and links them to "
        "feelings and behaviour.",
    ),
    (
        "behaviours",
        "Eliciting behaviours",
        "The therapist explores what the patient actually does or avoids doing, safety "
        "behaviours included, and how this keeps the problem going.",
    ),
    (
        "guided_discovery",
        "Guided discovery",
        "Through open questions, summaries and experiments, the therapist helps the patient "
        "arrive at new understanding themselves instead of being told or persuaded.",
    ),
    (
        "conceptual_integration",
        "Conceptual integration",
        "The therapist uses a shared, coherent understanding of the patient's difficulties to "
        "explain why the session focuses where it does and why the chosen methods should "
        "help.",
    ),
    (
        "change_methods",
        "Application of change methods",
        "The therapist chooses methods that fit that understanding, such as examining "
        "thoughts, behavioural experiments or exposure, and carries them out skilfully, "
        "adapted to this patient.",
    ),
    (
        "homework_setting",
        "Homework setting",
        "The previous task is reviewed, and a specific new one is agreed with a clear "
        "rationale; obstacles are anticipated and the patient's understanding and confidence "
        "are checked.",
    ),
]


def _domain_bands(title: str) -> tuple[Band, ...]:
    return (
        Band(
            "Needs development",
            0,
            2,
            f"{title} was missing or had clear problems in this session. Agree one concrete "
            "change to practise, using the description as a guide.",
        ),
        Band(
            "Competent",
            3,
            4,
            f"{title} was adequate in this session, with room to refine it. Note what worked "
            "and one thing to do more skilfully next time.",
        ),
        Band(
            "A strength",
            5,
            6,
            f"{title} was a strength in this session. Note what made it work so it can be "
            "repeated with harder cases.",
        ),
    )


COMPETENCE_PASS_MARK = 36

COMPETENCE_RATING = Questionnaire(
    slug="session-competence-rating",
    title="Session competence rating",
    notice=RATING_NOTICE,
    rated_by_someone_else=True,
    instructions=(
        "Rate one recorded or observed therapy session of the person you are rating. For "
        "each of the twelve domains, read the description and choose the point that best "
        "describes the session as a whole, taking into account how difficult the patient "
        "and the material were. A domain that had no place in this session may be left "
        "blank (at most two); the total is then calculated from the rated domains. Add "
        "comments with examples from the recording so the rating can be discussed."
    ),
    presentation=MIXED,
    likert=LikertRange(
        minimum=0,
        maximum=6,
        anchors=(
            Anchor(0, "Missing, or it got in the way"),
            Anchor(1, "Tried, but it did not work"),
            Anchor(2, "Some skill, unevenly shown"),
            Anchor(3, "Adequate for this session"),
            Anchor(4, "Skilful, with small lapses"),
            Anchor(5, "Highly skilful and consistent"),
            Anchor(6, "Exemplary, even under pressure"),
        ),
    ),
    scales=tuple(
        Scale(
            name=name,
            title=title,
            description=description,
            method=SUM,
            max_missing=0,
            bands=_domain_bands(title),
        )
        for name, title, description in COMPETENCE_DOMAINS
    ),
    items=tuple(
        Item(machine_name=name, text=title, scale=name, help_text=description)
        for name, title, description in COMPETENCE_DOMAINS
    ),
    total=Total(
        title="Overall competence",
        method=SUM,
        max_missing=2,
        pass_mark=COMPETENCE_PASS_MARK,
        bands=(
            Band(
                "Below the threshold",
                0,
                35,
                "The session as a whole did not yet reach the expected level. Pick the two or "
                "three domains with the lowest ratings and agree how to practise them before "
                "the next recording.",
            ),
            Band(
                "At or above the threshold",
                36,
                53,
                "The session as a whole reached the expected level. Keep building on the "
                "strongest domains and choose one domain to refine.",
            ),
            Band(
                "Well above the threshold",
                54,
                72,
                "The session as a whole showed a high level of skill. Consider what made it "
                "work and how to keep it up with more demanding patients.",
            ),
        ),
    ),
)

BUNDLED_QUESTIONNAIRES = (SCHEMA_SELF_CHECK, HOMEWORK_BELIEFS, COMPETENCE_RATING)


def bundled_questionnaire(slug: str) -> Questionnaire:
    for questionnaire in BUNDLED_QUESTIONNAIRES:
        if questionnaire.slug == slug:
            return questionnaire
    raise KeyError(slug)
