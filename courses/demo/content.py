"""The demo course "Homework in CBT supervision", written for this project in its own words.

Every case and person here is invented. Readings cite published work by author, year and
DOI; a DOI is given only where it was checked, and books and articles without one are cited
in full without it. `DOCUMENT` and `IMAGE` markers are replaced by the seeded files, and
`worksheet:<library key>` markers by the bundled worksheet with that key.
"""

DOCUMENT = "document:homework-planning-checklist"
IMAGE = "image:vicious-circle"
WORKSHEET_MARKER = "worksheet:"


def text(html: str):
    return ("text", html)


def heading(words: str, level: str = "h2"):
    return ("heading", {"text": words, "level": level})


def key_points(*points: str, title: str = "Key points"):
    return ("key_points", {"title": title, "points": list(points)})


def reading(citation: str, why_read: str, doi: str = "", link: str = ""):
    return ("reading", {"citation": citation, "doi": doi, "link": link, "why_read": why_read})


def vignette(title: str, people: str, html: str, *questions: str):
    return (
        "case_vignette",
        {"title": title, "people": people, "vignette": html, "questions": list(questions)},
    )


def callout(kind: str, html: str, title: str = ""):
    return ("callout", {"kind": kind, "title": title, "text": html})


def quote(words: str, attribution: str = ""):
    return ("quote", {"quote": words, "attribution": attribution})


def exercise(library_key: str, prompt: str):
    """A worksheet exercise: the bundled worksheet with this key, and why to do it here."""
    return ("exercise", {"worksheet": f"{WORKSHEET_MARKER}{library_key}", "prompt": prompt})


# --- Readings used in more than one lesson -------------------------------------------------

KAZANTZIS_2000 = reading(
    "Kazantzis, N., Deane, F. P., & Ronan, K. R. (2000). Homework assignments in cognitive and "
    "behavioral therapy: A meta-analysis. Clinical Psychology: Science and Practice, 7(2), 189–202.",
    "The first meta-analysis of its kind: 27 studies with 1,702 participants, looking both at "
    "whether adding homework improves outcome and at whether doing more of it goes with doing better.",
    doi="10.1093/clipsy.7.2.189",
)
KAZANTZIS_2010 = reading(
    "Kazantzis, N., Whittington, C., & Dattilio, F. (2010). Meta-analysis of homework effects in "
    "cognitive and behavioral therapy: A replication and extension. Clinical Psychology: Science "
    "and Practice, 17(2), 144–156.",
    "Repeats and extends the 2000 review with 46 studies. Read it for the comparison of the same "
    "therapy with and without homework, which is the fairest test of what homework adds.",
    doi="10.1111/j.1468-2850.2010.01204.x",
)
MAUSBACH_2010 = reading(
    "Mausbach, B. T., Moore, R., Roesch, S., Cardenas, V., & Patterson, T. L. (2010). The "
    "relationship between homework compliance and therapy outcomes: An updated meta-analysis. "
    "Cognitive Therapy and Research, 34(5), 429–438.",
    "Pools 23 later studies on doing homework and getting better, and shows how much the answer "
    "depends on who rates the homework and how.",
    doi="10.1007/s10608-010-9297-z",
)
KAZANTZIS_2016 = reading(
    "Kazantzis, N., Whittington, C., Zelencich, L., Kyrios, M., Norton, P. J., & Hofmann, S. G. "
    "(2016). Quantity and quality of homework compliance: A meta-analysis of relations with "
    "outcome in cognitive behavior therapy. Behavior Therapy, 47(5), 755–772.",
    "Separates how much homework was done from how well it was done, and finds that the quality "
    "of the work matters, though few studies measure it.",
)
KAZANTZIS_MILLER_2022 = reading(
    "Kazantzis, N., & Miller, A. R. (2022). A comprehensive model of homework in cognitive "
    "behavior therapy. Cognitive Therapy and Research, 46(1), 247–257.",
    "Argues that engagement is a more useful idea than compliance and ties homework to learning "
    "theory and to what the therapist does in the session.",
    doi="10.1007/s10608-021-10247-z",
)
KAZANTZIS_2004 = reading(
    "Kazantzis, N., Deane, F. P., & Ronan, K. R. (2004). Assessing compliance with homework "
    "assignments: Review and recommendations for clinical practice. Journal of Clinical "
    "Psychology, 60(6), 627–641.",
    "A review of how homework has been measured, which proposes rating the quality of the work "
    "and the obstacles met, not only whether it was done.",
    doi="10.1002/jclp.10239",
)
TOMPKINS_2002 = reading(
    "Tompkins, M. A. (2002). Guidelines for enhancing homework compliance. Journal of Clinical "
    "Psychology, 58(5), 565–576.",
    "Short and practical: what makes a task meaningful and doable, why a rationale and a back-up "
    "plan help, and how the therapist's manner when reviewing homework shapes the next attempt.",
    doi="10.1002/jclp.10033",
)
HELBIG_FEHM_2004 = reading(
    "Helbig, S., & Fehm, L. (2004). Problems with homework in CBT: Rare exception or rather "
    "frequent? Behavioural and Cognitive Psychotherapy, 32(3), 291–301.",
    "A survey of 77 CBT therapists about real homework: problems when tasks are set and when they "
    "are carried out turn out to be the rule, and a written note of the task helps.",
)
BENNETT_LEVY_2006 = reading(
    "Bennett-Levy, J. (2006). Therapist skills: A cognitive model of their acquisition and "
    "refinement. Behavioural and Cognitive Psychotherapy, 34(1), 57–78.",
    "The declarative, procedural and reflective model of how therapists learn. It explains why "
    "reading alone does not change what we do in a session and why reflection does.",
    doi="10.1017/S1352465805002420",
)
BENNETT_LEVY_2003 = reading(
    "Bennett-Levy, J., Lee, N., Travers, K., Pohlman, S., & Hamernik, E. (2003). Cognitive "
    "therapy from the inside: Enhancing therapist skills through practising what we preach. "
    "Behavioural and Cognitive Psychotherapy, 31(2), 143–158.",
    "Therapists who used CBT techniques on themselves and wrote reflections reported sharper "
    "skills, more empathy for their patients and more flexibility.",
    doi="10.1017/S1352465803002029",
)
MILNE_2009 = reading(
    "Milne, D. (2009). Evidence-Based Clinical Supervision: Principles and Practice. "
    "BPS Blackwell.",
    "A thorough account of what supervision is for and how it works, with a chapter-length "
    "treatment of setting and reviewing tasks between supervision sessions.",
)


COURSE = {
    "slug": "homework-in-cbt-supervision",
    "title": "Homework in CBT supervision",
    "overview": (
        "<p>Homework is where much of cognitive behavioural therapy happens: between sessions, in "
        "the patient's own life. The same is true of supervision. What a trainee tries, notices "
        "and writes down between supervision meetings is often where they learn most.</p>"
        "<p>This course looks at homework from both sides. You will read what the research says "
        "about homework and outcome, practise agreeing tasks that are specific and meaningful, "
        "learn to review homework without blame, and look at how your own beliefs and reactions "
        "shape the tasks you set. The last two modules turn to homework inside supervision and "
        "in the training of supervisors.</p>"
    ),
    "learning_outcomes": [
        "Summarise what meta-analyses say about homework, adherence and outcome in CBT, and their limits.",
        "Agree homework that is specific, meaningful and collaborative, with a rationale the other person shares.",
        "Anticipate obstacles, ask for a confidence rating and make a task easier before it fails.",
        "Review homework first and respond to homework that was not done with curiosity rather than blame.",
        "Recognise how your own beliefs, schemas and countertransference shape the homework you set.",
        "Use mapping, monitoring and implementation tasks within supervision, including with supervisors in training.",
    ],
    "audience": (
        "<p>Trainee CBT therapists who are in supervision, their supervisors, and supervisors in "
        "training. You should know the basic cognitive model and be seeing patients under "
        "supervision. Supervisors will find the last two modules written for them.</p>"
    ),
    "how_to_join": (
        "Ask the course lead or your supervisor to enrol you. Tell them whether you are joining "
        "as a trainee or as a supervisor."
    ),
}


MODULES = [
    {
        "slug": "why-homework-matters",
        "title": "Why homework matters",
        "introduction": (
            "<p>What homework is for in CBT, what decades of research say about it, and why the "
            "field now speaks of engagement rather than compliance.</p>"
        ),
        "lessons": [
            {
                "slug": "what-homework-is-for",
                "title": "What homework is for",
                "minutes": 12,
                "summary": "Why CBT asks people to practise between sessions, and what a task is meant to achieve.",
                "body": [
                    text(
                        "<p>A therapy session lasts an hour; the week has a hundred and sixty-eight. "
                        "CBT asks patients to use some of the rest of the week on purpose: to notice "
                        "thoughts as they happen, to test a prediction, to do something they have "
                        "been avoiding. We call this homework, although many therapists and "
                        "patients prefer words such as <i>practice</i>, <i>experiment</i> or "
                        "<i>action plan</i>.</p>"
                    ),
                    heading("Four jobs a task can do"),
                    text(
                        "<ul><li><b>Gather information.</b> A diary of situations, thoughts and "
                        "feelings gives the formulation something to stand on.</li>"
                        "<li><b>Test a belief.</b> A behavioural experiment checks a prediction "
                        "against what actually happens.</li>"
                        "<li><b>Build a skill.</b> Rehearsing a new way of responding, in the "
                        "places where the old one appears, is how skills carry over from the "
                        "therapy room.</li>"
                        "<li><b>Keep change going.</b> Towards the end of therapy, tasks help "
                        "the patient become their own therapist.</li></ul>"
                    ),
                    heading("Homework in supervision too"),
                    text(
                        "<p>Supervision borrows the same structure. A supervisor and trainee agree "
                        "a task at the end of a meeting (listen to a recording, try a technique, "
                        "notice a reaction) and review it first at the next. The rest of this "
                        "course moves between the two settings, because the principles are the "
                        "same and because trainees learn to set good homework partly by doing "
                        "it themselves.</p>"
                    ),
                    key_points(
                        "Homework carries the work of a session into the rest of the week.",
                        "Each task should have a job: gather information, test a belief, build a skill or keep change going.",
                        "Supervision uses homework in the same way, and trainees learn from both sides.",
                    ),
                    reading(
                        "Kazantzis, N., & Lampropoulos, G. K. (2002). Reflecting on homework in "
                        "psychotherapy: What can we conclude from research and experience? "
                        "Journal of Clinical Psychology, 58(5), 577–585.",
                        "A short synthesis that closes a journal issue on homework. Read it for an "
                        "overview before the detail of the next lesson.",
                        doi="10.1002/jclp.10034",
                    ),
                    reading(
                        "Beck, J. S. (2020). Cognitive Behavior Therapy: Basics and Beyond "
                        "(3rd ed.). Guilford Press.",
                        "The standard introduction to CBT; its chapter on action plans shows how "
                        "homework fits into the structure of every session.",
                    ),
                ],
            },
            {
                "slug": "what-the-research-says",
                "title": "What the research says",
                "minutes": 20,
                "summary": "Meta-analyses of homework and outcome in CBT: what they found and what they cannot tell us.",
                "body": [
                    text(
                        "<p>Homework is one of the best-studied parts of CBT. Two questions run "
                        "through the research. Does a therapy with homework work better than the "
                        "same therapy without it? And do patients who do more of their homework "
                        "improve more?</p>"
                    ),
                    heading("Adding homework helps"),
                    text(
                        "<p>Kazantzis, Deane and Ronan (2000) pooled 27 studies and found benefits "
                        "on both questions. Ten years later, Kazantzis, Whittington and Dattilio "
                        "(2010) repeated the analysis with 46 studies. Where the same therapy was "
                        "compared with and without homework, the version with homework did better, "
                        "with an effect of about half a standard deviation. That is a substantial "
                        "gain for something that costs a few minutes of each session.</p>"
                    ),
                    heading("Doing it goes with getting better"),
                    text(
                        "<p>Mausbach and colleagues (2010) brought together 23 later studies on "
                        "adherence. People who did more of their homework tended to improve more; "
                        "the link was small to moderate, and it was stronger or weaker depending on "
                        "who rated the homework and how. A correlation cannot say which way the "
                        "arrow points, so Burns and Spangler (2000) tested the direction in CBT for "
                        "depression. Their data fitted best with homework leading to improvement, "
                        "not with improvement making people more willing to do homework.</p>"
                    ),
                    callout(
                        "caution",
                        "<p>These are averages across many patients and therapies. They tell you "
                        "homework is worth the effort; they do not tell you which task will help "
                        "the person in front of you. That still comes from the formulation.</p>",
                        title="What the numbers cannot say",
                    ),
                    key_points(
                        "The same therapy works better with homework than without it.",
                        "Doing more homework goes with better outcomes; the link is small to moderate.",
                        "How homework is measured changes the answer, so read the methods as well as the results.",
                    ),
                    KAZANTZIS_2000,
                    KAZANTZIS_2010,
                    MAUSBACH_2010,
                    reading(
                        "Burns, D. D., & Spangler, D. L. (2000). Does psychotherapy homework lead "
                        "to improvements in depression in cognitive–behavioral therapy or does "
                        "improvement lead to increased homework compliance? Journal of Consulting "
                        "and Clinical Psychology, 68(1), 46–56.",
                        "A careful attempt at the chicken-and-egg question, using structural "
                        "equation modelling on data from CBT for depression.",
                        doi="10.1037/0022-006X.68.1.46",
                    ),
                ],
            },
            {
                "slug": "engagement-not-compliance",
                "title": "Engagement, not compliance",
                "minutes": 15,
                "summary": "Why the quality of homework and the person's engagement matter more than a tick in a box.",
                "body": [
                    text(
                        "<p><i>Compliance</i> suggests an instruction obeyed. Most of the early "
                        "research measured just that: was the task done, yes or no, or what "
                        "percentage of tasks were done. A patient who filled in a thought record "
                        "in the waiting room counts the same as one who used it at the moment of "
                        "distress and learned something.</p>"
                    ),
                    heading("Quality as well as quantity"),
                    text(
                        "<p>When Kazantzis and colleagues (2016) separated the two, the quality of "
                        "the work (did the person actually practise the skill?) was related to "
                        "outcome at least as strongly as the amount. Few studies measure quality, "
                        "which is a gap in the research and a lesson for practice: ask what "
                        "happened, not only whether it happened.</p>"
                    ),
                    heading("Engagement"),
                    text(
                        "<p>Kazantzis and Miller (2022) propose <i>engagement</i> as the more "
                        "useful idea. Engagement includes the effort a person put in, how "
                        "difficult they found the task, what got in the way and what they made of "
                        "the result. Each of these is something a therapist or supervisor can ask "
                        "about, and each points to what to change next time.</p>"
                    ),
                    quote(
                        "I didn't fill in the sheet, but I did stop and notice the thought twice on "
                        "Tuesday, and that was new for me.",
                        "Sam, an invented trainee, reviewing a week's task in supervision",
                    ),
                    callout(
                        "tip",
                        "<p>Record effort, difficulty and obstacles alongside done or not done. "
                        "Partial attempts are information, and often progress.</p>",
                    ),
                    key_points(
                        "Done or not done is the crudest measure of homework.",
                        "The quality of the practice is related to outcome and is rarely measured.",
                        "Engagement (effort, difficulty, obstacles, meaning) tells you what to change next.",
                    ),
                    KAZANTZIS_2016,
                    KAZANTZIS_MILLER_2022,
                    KAZANTZIS_2004,
                ],
            },
        ],
    },
    {
        "slug": "agreeing-homework",
        "title": "Agreeing homework that gets done",
        "introduction": (
            "<p>How to design a task with the other person, prepare for what will get in its way, "
            "and review it so that the next task is better than the last.</p>"
        ),
        "lessons": [
            {
                "slug": "specific-meaningful-collaborative",
                "title": "Specific, meaningful, collaborative",
                "minutes": 15,
                "summary": "Turning a good intention into a task: what, when, where, how often and why.",
                "body": [
                    text(
                        "<p>“Try to notice your thoughts this week” is a wish, not a task. Tasks "
                        "that get done tend to share three qualities: they are specific, they make "
                        "sense to the person doing them, and the person helped to shape them.</p>"
                    ),
                    heading("Specific"),
                    text(
                        "<p>A specific task says what, when, where, how often and for how long. "
                        "“After the team meeting on Monday and Thursday, spend five minutes writing "
                        "down the situation, the thought and how strongly you believed it” can be "
                        "done, and it is clear afterwards whether it was.</p>"
                    ),
                    heading("Meaningful"),
                    text(
                        "<p>The person should be able to say in their own words why the task makes "
                        "sense for them. Addis and Jacobson (2000) found that patients who found "
                        "the treatment rationale convincing tended to do more homework. A good "
                        "check is to ask: “What do you think we might learn from this?”</p>"
                    ),
                    heading("Collaborative"),
                    text(
                        "<p>Early on the therapist or supervisor usually proposes the task. Over "
                        "time the other person proposes more of it, and the two agree. Asking "
                        "“How could we make this fit your week?” changes a prescription into a "
                        "plan.</p>"
                    ),
                    vignette(
                        "From a wish to a plan",
                        "Priya, a trainee in her first year",
                        "<p>Priya tells her supervisor she wants to “get better at agenda "
                        "setting”. Together they turn this into a task: in her next three "
                        "sessions with patients who have agreed to be recorded, she will open with "
                        "the same two agenda questions, and afterwards listen to the first five "
                        "minutes of each recording and note one thing that helped and one she "
                        "would change.</p>",
                        "Which parts of the final task make it specific?",
                        "How would you check that the task makes sense to Priya?",
                    ),
                    (
                        "document",
                        {
                            "document": DOCUMENT,
                            "title": "Homework planning checklist",
                            "description": "A one-page checklist to use when agreeing a task, in supervision or in therapy.",
                        },
                    ),
                    exercise(
                        "homework-monitoring",
                        "Keep this log for one patient over your next few sessions. Its checklist asks "
                        "how often your tasks are specific, make sense to the patient and were agreed "
                        "together: look for the quality you leave out most often.",
                    ),
                    key_points(
                        "Specific: what, when, where, how often, how long.",
                        "Meaningful: the person can say why it makes sense for them.",
                        "Collaborative: proposed together, and increasingly by the person who will do it.",
                    ),
                    TOMPKINS_2002,
                    reading(
                        "Addis, M. E., & Jacobson, N. S. (2000). A closer look at the treatment "
                        "rationale and homework compliance in cognitive-behavioral therapy for "
                        "depression. Cognitive Therapy and Research, 24(3), 313–326.",
                        "Evidence that how convincing the rationale is to the patient goes with "
                        "how much homework they do.",
                        doi="10.1023/A:1005563304265",
                    ),
                ],
            },
            {
                "slug": "obstacles-and-confidence",
                "title": "Anticipating obstacles and rating confidence",
                "minutes": 15,
                "summary": "Finding what will get in the way before it does, and using a 0–10 confidence rating to adjust the task.",
                "body": [
                    text(
                        "<p>Most homework that is not done fails for predictable reasons: the week "
                        "was busier than expected, the task was forgotten, the situation it needed "
                        "did not arise, or the task stirred up more than the person was ready "
                        "for. Helbig and Fehm (2004) found that problems like these were the rule "
                        "rather than the exception in everyday CBT.</p>"
                    ),
                    heading("Ask what could get in the way"),
                    text(
                        "<p>Before the session ends, ask: “What might stop you doing this?” Then "
                        "plan for the answer together: a reminder on the phone, a back-up time, a "
                        "smaller version of the task for a bad day. Writing the task down, for "
                        "both parties, is one of the simplest helps there is.</p>"
                    ),
                    heading("Rate confidence"),
                    text(
                        "<p>Ask the person to rate, from 0 to 10, how confident they are that they "
                        "will do the task. A rating below about 7 is a signal to change the task, "
                        "not a failing of the person: make it smaller, clearer or closer to what "
                        "they already do, and ask again.</p>"
                    ),
                    callout(
                        "tip",
                        "<p>“What would need to change for that 5 to become an 8?” usually "
                        "produces a better task than any amount of encouragement.</p>",
                        title="Raising a low rating",
                    ),
                    vignette(
                        "A confidence rating of four",
                        "Tomasz, a trainee seeing his first patients with panic",
                        "<p>Tomasz agrees to watch a recording of a session and rate his use of "
                        "Socratic questions. Asked for a confidence rating, he says four: he "
                        "dreads hearing himself. He and his supervisor shrink the task to ten "
                        "minutes of recording, chosen by him, with one question to answer: "
                        "“Where did I ask rather than tell?” His rating rises to eight.</p>",
                        "What did the low rating tell the supervisor about the original task?",
                        "What else might have made the task more manageable for Tomasz?",
                    ),
                    exercise(
                        "behavioural-experiment",
                        "Try the method on yourself first: plan a small experiment of your own, name what "
                        "could get in its way, and rate your confidence before you begin. If the rating "
                        "is below 7, make the experiment smaller and rate it again.",
                    ),
                    key_points(
                        "Obstacles are predictable; plan for them before the session ends.",
                        "Write the task down for both people.",
                        "A confidence rating below about 7 means change the task, not push harder.",
                    ),
                    HELBIG_FEHM_2004,
                    TOMPKINS_2002,
                ],
            },
            {
                "slug": "reviewing-homework",
                "title": "Reviewing homework and responding when it was not done",
                "minutes": 20,
                "summary": "Reviewing homework first, and treating homework that was not done as information.",
                "body": [
                    text(
                        "<p>Homework that is set and never mentioned again quietly teaches that it "
                        "does not matter. Review it early in the next session or supervision "
                        "meeting, usually right after the agenda is agreed.</p>"
                    ),
                    heading("A review in three questions"),
                    text(
                        "<ol><li>What did you do? (Including the parts that did not go to plan.)"
                        "</li><li>What did you notice or learn?</li><li>What got in the way, and "
                        "what does that tell us about the next task?</li></ol>"
                    ),
                    heading("When it was not done"),
                    text(
                        "<p>Not doing the homework is information, never a failure. Find out why "
                        "with curiosity: was the task unclear, did it seem unimportant, did "
                        "circumstances intervene, or was it too demanding right now? Each answer "
                        "leads somewhere different: clarify, revisit the rationale, plan around "
                        "the circumstances, or make the task easier. Sometimes the right decision "
                        "is to drop it.</p>"
                    ),
                    callout(
                        "caution",
                        "<p>Watch for your own reaction when homework has not been done. "
                        "Irritation, disappointment or the urge to reassure are all worth "
                        "noticing; the module on the therapist's side of homework returns to "
                        "them.</p>",
                    ),
                    vignette(
                        "The diary that stayed in the bag",
                        "Mr Okafor, an invented patient, and his therapist Lena",
                        "<p>Mr Okafor arrives without his activity diary for the second week "
                        "running. Lena feels a flash of frustration and is tempted to move on. "
                        "Instead she asks what the week was like. He explains that writing down "
                        "how little he did made him feel worse. They agree that for the next week "
                        "he will record only the activities that gave him some sense of "
                        "achievement, however small.</p>",
                        "Which of the four reasons for non-completion fits best here?",
                        "What might have happened if Lena had moved on without asking?",
                    ),
                    exercise(
                        "patient-self-and-homework",
                        "Choose a patient whose homework often comes back undone. Look at the roles the "
                        "two of you slip into around it, and at how they colour the way you review it.",
                    ),
                    key_points(
                        "Review homework first; it shows the task mattered.",
                        "Ask what was done, what was learned and what got in the way.",
                        "Decide together: keep the task, adapt it, make it easier or drop it.",
                    ),
                    KAZANTZIS_MILLER_2022,
                    HELBIG_FEHM_2004,
                ],
            },
        ],
    },
    {
        "slug": "the-therapists-side",
        "title": "The therapist's side of homework",
        "introduction": (
            "<p>The homework we set, and how we react when it is not done, is shaped by our own "
            "beliefs and history. This module looks at therapist schemas, countertransference and "
            "the value of practising CBT on ourselves.</p>"
        ),
        "lessons": [
            {
                "slug": "therapist-beliefs-and-schemas",
                "title": "Your own beliefs and schemas",
                "minutes": 20,
                "summary": "How a therapist's own beliefs about standards, approval and helping shape the homework they set.",
                "body": [
                    text(
                        "<p>Therapists bring their own beliefs into the room. Leahy (2001) "
                        "described <i>therapist schemas</i>: enduring beliefs about oneself as a "
                        "helper that are triggered by particular patients and situations. They "
                        "are normal, and they are most useful when we know them.</p>"
                    ),
                    heading("Three common patterns"),
                    text(
                        "<p>When Haarhoff (2006) asked groups of cognitive therapy trainees about "
                        "their schemas, three came up most often: <b>demanding standards</b>, "
                        "<b>special or superior person</b> and <b>excessive self-sacrifice</b>. "
                        "Each can shape homework in its own way.</p>"
                        "<ul><li>Demanding standards can produce tasks that are too big, and "
                        "disappointment when they are not completed perfectly.</li>"
                        "<li>A belief in being special can make a therapist reluctant to adjust "
                        "“their” task to the patient's life.</li>"
                        "<li>Self-sacrifice can lead to setting no task at all, to spare the "
                        "patient effort, or to doing the work for them in the session.</li></ul>"
                    ),
                    heading("Noticing them in practice", level="h3"),
                    text(
                        "<p>Look for patterns across your patients rather than in one session. "
                        "Do you rarely set homework for patients who seem fragile? Do you feel "
                        "personally let down when tasks are not done? Bring the pattern to "
                        "supervision as a piece of homework of your own.</p>"
                    ),
                    callout(
                        "caution",
                        "<p>This is reflective work about yourself. It belongs to you; you choose "
                        "what to share with your supervisor, and when.</p>",
                        title="Your reflections are yours",
                    ),
                    exercise(
                        "downward-arrow",
                        "Take a moment when a patient's unfinished homework bothered you, and follow the "
                        "thought down to the rule or belief about yourself underneath it.",
                    ),
                    key_points(
                        "Therapist schemas are normal; knowing yours makes them useful.",
                        "Demanding standards, a sense of being special and self-sacrifice each shape homework differently.",
                        "Look for patterns across patients, and take them to supervision when you choose.",
                    ),
                    reading(
                        "Haarhoff, B. A. (2006). The importance of identifying and understanding "
                        "therapist schema in cognitive therapy training and supervision. New "
                        "Zealand Journal of Psychology, 35(3), 126–131.",
                        "A short paper on therapist schemas among trainees, with practical "
                        "suggestions for working with them in supervision.",
                    ),
                    reading(
                        "Leahy, R. L. (2001). Overcoming Resistance in Cognitive Therapy. "
                        "Guilford Press.",
                        "The source of the idea of therapist schemas, set within a wider account "
                        "of why therapy gets stuck.",
                    ),
                ],
            },
            {
                "slug": "vicious-circle-of-countertransference",
                "title": "The vicious circle of countertransference",
                "minutes": 20,
                "summary": "Mapping a therapist's reaction to a patient as a vicious circle of situation, thoughts, emotions, body and behaviour.",
                "body": [
                    text(
                        "<p>In CBT terms, countertransference happens when the relationship with a "
                        "patient activates the therapist's own automatic thoughts and schemas, "
                        "and these begin to steer the therapy (Vyskocilova &amp; Prasko, 2013). "
                        "The same vicious circle we draw with patients can map it.</p>"
                    ),
                    (
                        "image",
                        {
                            "image": IMAGE,
                            "alt_text": (
                                "A circle of five linked boxes: situation, automatic thoughts, "
                                "emotions, bodily reactions and behaviour, each leading to the "
                                "next and the last feeding back into the situation."
                            ),
                            "caption": "The vicious circle: each part keeps the next going.",
                        },
                    ),
                    heading("Drawing the circle"),
                    text(
                        "<p>Start with a concrete moment: the patient says the homework was "
                        "pointless. Then fill in the therapist's side. <b>Automatic thoughts:</b> "
                        "“I've chosen the wrong task; I'm not good at this.” <b>Emotions:</b> "
                        "anxiety, a little shame. <b>Body:</b> tight chest, faster speech. "
                        "<b>Behaviour:</b> the therapist drops homework for the rest of therapy. "
                        "The patient learns that homework is optional, which makes the next "
                        "“pointless” more likely.</p>"
                    ),
                    heading("Breaking it"),
                    text(
                        "<p>Any link can be changed: testing the thought (“Is one comment "
                        "evidence that I am bad at this?”), noticing the bodily signal as a cue to "
                        "slow down, or choosing a different behaviour, such as asking what made "
                        "the task feel pointless. Research on countertransference across "
                        "therapies suggests that managing these reactions well goes with better "
                        "outcomes (Hayes et al., 2018).</p>"
                    ),
                    vignette(
                        "Always the rescuer",
                        "Dana, a trainee, and her patient Ms Reyes (both invented)",
                        "<p>Dana notices that with Ms Reyes she ends every session by offering to "
                        "phone the housing office herself. In supervision she maps the circle: "
                        "the situation is Ms Reyes describing another setback; the thought is "
                        "“She can't cope, I must help”; she feels guilty and restless; she takes "
                        "over the task. Ms Reyes does less between sessions, and Dana feels more "
                        "responsible.</p>",
                        "Where in Dana's circle might a homework task for Dana herself start?",
                        "What belief of Dana's might be worth testing?",
                    ),
                    exercise(
                        "countertransference-vicious-circle",
                        "Map one strong reaction to a patient from the last few weeks as a vicious "
                        "circle, then mark the point where you could have stepped out of it.",
                    ),
                    key_points(
                        "Countertransference in CBT is the therapist's own thoughts and schemas being activated in the relationship.",
                        "Map it as a vicious circle: situation, thoughts, emotions, body, behaviour.",
                        "Change any link, and check how the change affects the patient's homework.",
                    ),
                    reading(
                        "Vyskocilova, J., & Prasko, J. (2013). Countertransference, schema modes "
                        "and ethical considerations in cognitive behavioral therapy. Activitas "
                        "Nervosa Superior Rediviva, 55(1–2), 33–39.",
                        "A CBT account of countertransference that links it to the therapist's "
                        "automatic thoughts and schemas, and to supervision.",
                    ),
                    reading(
                        "Hayes, J. A., Gelso, C. J., Goldberg, S., & Kivlighan, D. M. (2018). "
                        "Countertransference management and effective psychotherapy: "
                        "Meta-analytic findings. Psychotherapy, 55(4), 496–507.",
                        "Three meta-analyses across therapies on countertransference, how it is "
                        "managed and how both relate to outcome.",
                        doi="10.1037/pst0000189",
                    ),
                ],
            },
            {
                "slug": "practising-what-you-teach",
                "title": "Practising what you teach",
                "minutes": 15,
                "summary": "Self-practice and self-reflection: doing CBT homework yourself to understand it from the inside.",
                "body": [
                    text(
                        "<p>One of the best ways to understand homework is to do some. In "
                        "self-practice and self-reflection (SP/SR), therapists use CBT techniques "
                        "on their own difficulties (a thought record about a hard week, a "
                        "behavioural experiment about asking for help) and then write about the "
                        "experience.</p>"
                    ),
                    heading("What therapists report"),
                    text(
                        "<p>In the study by Bennett-Levy and colleagues (2003), therapists who "
                        "took part in SP/SR described sharper technical skills, a better grasp of "
                        "the cognitive model, more attention to the therapeutic relationship and "
                        "more empathy for how hard homework can be. Bennett-Levy's (2006) model "
                        "of therapist skills places reflection at the centre of learning: "
                        "experience turns into skill when we think about it.</p>"
                    ),
                    heading("Starting small"),
                    text(
                        "<p>Choose a modest, real difficulty, not your deepest one. Set yourself a "
                        "specific task for one week, rate your confidence, do it, and write a few "
                        "lines on what it was like. Notice what got in the way: it is probably "
                        "what gets in your patients' way too.</p>"
                    ),
                    callout(
                        "tip",
                        "<p>Keep your reflections private by default. What you learn about "
                        "homework can be shared in supervision without sharing the personal "
                        "material behind it.</p>",
                    ),
                    key_points(
                        "Doing homework yourself builds empathy for how hard it can be.",
                        "Reflection is what turns experience into skill.",
                        "Start with a modest difficulty and a specific, one-week task.",
                    ),
                    BENNETT_LEVY_2003,
                    BENNETT_LEVY_2006,
                    reading(
                        "Bennett-Levy, J., Thwaites, R., Haarhoff, B., & Perry, H. (2015). "
                        "Experiencing CBT from the Inside Out: A Self-Practice/Self-Reflection "
                        "Workbook for Therapists. Guilford Press.",
                        "A structured programme of SP/SR modules to work through alone or with "
                        "colleagues.",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "homework-within-supervision",
        "title": "Homework within supervision",
        "introduction": (
            "<p>Supervision has its own homework. Three kinds carry most of the weight: mapping a "
            "problem, monitoring one's own behaviour in sessions, and implementing a new "
            "behaviour.</p>"
        ),
        "lessons": [
            {
                "slug": "mapping-a-problem",
                "title": "Mapping a problem",
                "minutes": 15,
                "summary": "Homework that helps a trainee understand a case: formulations, vicious circles and maintenance maps.",
                "body": [
                    text(
                        "<p>When a trainee feels stuck with a patient, the most useful task is "
                        "often not a new technique but a better map. Mapping tasks ask the "
                        "trainee to draw what keeps the problem going, before deciding what to do "
                        "about it.</p>"
                    ),
                    heading("Kinds of map"),
                    text(
                        "<ul><li>A <b>vicious circle</b> of one recent, typical episode.</li>"
                        "<li>A <b>maintenance formulation</b> from a disorder-specific model.</li>"
                        "<li>A <b>longitudinal formulation</b> linking early experiences, core "
                        "beliefs, rules and current problems.</li>"
                        "<li>A map of the <b>therapy relationship</b> itself, when the "
                        "difficulty lies between trainee and patient.</li></ul>"
                    ),
                    heading("Setting the task well"),
                    text(
                        "<p>Be specific about which episode or which part of the problem to map, "
                        "and what the map is for: “Draw the circle for last Tuesday's argument, "
                        "so that we can choose where to intervene first.” Ask the trainee to "
                        "bring questions the map raised, not only the map.</p>"
                    ),
                    vignette(
                        "Too many problems",
                        "Jonah, a trainee, and his patient Mr Hale (both invented)",
                        "<p>Jonah brings a patient with low mood, poor sleep, drinking and debt, "
                        "and says every session goes somewhere different. His supervisor asks "
                        "him to map one recent evening as a vicious circle. The map shows the "
                        "drinking sitting between worry about debt and poor sleep, and gives "
                        "Jonah and Mr Hale a place to start.</p>",
                        "What would you ask Jonah to bring back with the map?",
                    ),
                    exercise(
                        "thought-record",
                        "Before you ask a supervisee to map a problem, map a moment of your own: one "
                        "recent situation, the thoughts and feelings it brought and what you did. Notice "
                        "which column took the longest.",
                    ),
                    key_points(
                        "A better map often helps more than a new technique.",
                        "Say which episode to map and what the map is for.",
                        "Ask for the questions the map raised, not only the drawing.",
                    ),
                    MILNE_2009,
                    BENNETT_LEVY_2006,
                ],
            },
            {
                "slug": "monitoring-behaviour-in-sessions",
                "title": "Monitoring your own behaviour in sessions",
                "minutes": 15,
                "summary": "Homework in which trainees observe one chosen behaviour of their own across sessions.",
                "body": [
                    text(
                        "<p>Trainees often know what they intend to do in a session and are less "
                        "sure what they actually do. Monitoring tasks close that gap by asking the "
                        "trainee to watch one chosen behaviour of their own over several "
                        "sessions.</p>"
                    ),
                    heading("Choosing what to monitor"),
                    text(
                        "<p>Choose one behaviour that can be seen or heard: how often you "
                        "summarise, how long you wait after a question, whether you ask for "
                        "feedback at the end, how much of the session you spend talking. Decide "
                        "how to record it (a tally after the session, or from a recording) and "
                        "for how many sessions.</p>"
                    ),
                    heading("From counting to understanding"),
                    text(
                        "<p>Counting is only the first step. Ask the trainee also to note the "
                        "moments when the behaviour did not happen and what was going on: a "
                        "patient in tears, a feeling of running out of time, a thought such as "
                        "“I must fix this now”. These moments connect the monitoring to the "
                        "trainee's own beliefs, which the previous module explored.</p>"
                    ),
                    callout(
                        "tip",
                        "<p>Monitoring from recordings is more accurate than from memory. Agree "
                        "in advance how recordings are stored, who hears them and when they are "
                        "deleted.</p>",
                    ),
                    exercise(
                        "homework-monitoring",
                        "Pick the part of your sessions where homework is set and reviewed, and monitor "
                        "it for one patient, preferably from recordings rather than from memory.",
                    ),
                    key_points(
                        "Monitor one observable behaviour across several sessions.",
                        "Agree how it will be recorded and for how long.",
                        "Note the moments the behaviour did not happen, and what was going on.",
                    ),
                    BENNETT_LEVY_2006,
                    KAZANTZIS_2004,
                ],
            },
            {
                "slug": "implementing-a-new-behaviour",
                "title": "Implementing a new behaviour",
                "minutes": 15,
                "summary": "Trying a new technique or way of responding in real sessions, prepared and reviewed in supervision.",
                "body": [
                    text(
                        "<p>Implementation tasks ask the trainee to do something new in real "
                        "sessions: set an agenda, run a behavioural experiment, try guided "
                        "discovery where they would usually explain. They are where supervision "
                        "most directly changes therapy.</p>"
                    ),
                    heading("Prepare, rehearse, try, review"),
                    text(
                        "<ol><li><b>Prepare</b> in supervision: what exactly will you do, with "
                        "which patient, and in which session?</li>"
                        "<li><b>Rehearse</b>: a short role-play with the supervisor in the "
                        "patient's part makes the first attempt much less daunting.</li>"
                        "<li><b>Try</b> it, ideally recorded.</li>"
                        "<li><b>Review</b> what happened first thing at the next supervision "
                        "meeting, using the three review questions.</li></ol>"
                    ),
                    heading("Keeping the step the right size"),
                    text(
                        "<p>As with patients, a confidence rating tells you whether the step is "
                        "the right size. A trainee who rates their confidence at three needs a "
                        "smaller step or more rehearsal, not encouragement.</p>"
                    ),
                    vignette(
                        "The first behavioural experiment",
                        "Aisha, a trainee (invented)",
                        "<p>Aisha has read about behavioural experiments but never run one. She "
                        "and her supervisor role-play designing an experiment with a patient who "
                        "fears that others will notice her blushing. Aisha rates her confidence "
                        "at six; they agree she will design the experiment with the patient in "
                        "the next session but carry it out a week later, after another "
                        "supervision meeting.</p>",
                        "How did splitting the task change its size?",
                        "What would you want to hear about in the review?",
                    ),
                    exercise(
                        "behavioural-experiment",
                        "Treat the next new skill you try as an experiment: write down what you predict "
                        "will happen, try it, and compare the prediction with what did.",
                    ),
                    key_points(
                        "Prepare, rehearse, try and review: in that order.",
                        "Role-play in supervision makes the first attempt manageable.",
                        "Use confidence ratings to size the step.",
                    ),
                    reading(
                        "Milne, D. L., & Reiser, R. P. (2017). A Manual for Evidence-Based CBT "
                        "Supervision. Wiley-Blackwell.",
                        "A practical manual for supervisors, including how to use rehearsal and "
                        "experiential methods to help trainees implement new skills.",
                    ),
                    BENNETT_LEVY_2003,
                ],
            },
        ],
    },
    {
        "slug": "training-supervisors",
        "title": "Homework in the training of supervisors",
        "introduction": (
            "<p>Supervisors learn the same way: through tasks between their own supervision "
            "meetings. This module looks at homework for supervisors in training and at the most "
            "demanding task of all, analysing recordings.</p>"
        ),
        "lessons": [
            {
                "slug": "homework-for-supervisors-in-training",
                "title": "Homework for supervisors in training",
                "minutes": 15,
                "summary": "Supervision of supervision: tasks that help new supervisors set, review and learn from homework.",
                "body": [
                    text(
                        "<p>A supervisor in training is a supervisee of their own supervisor for "
                        "their supervisory work. Their homework is about supervising: setting a "
                        "clear task with a supervisee, reviewing it well, noticing their own "
                        "reactions in the supervisory relationship.</p>"
                    ),
                    heading("Typical tasks"),
                    text(
                        "<ul><li>Agree one specific task with a supervisee and bring the "
                        "wording, the rationale and the confidence rating to supervision.</li>"
                        "<li>Record a supervision session (with consent) and note where the "
                        "homework review happened and how long it took.</li>"
                        "<li>Map a vicious circle of a difficult moment in the supervisory "
                        "relationship.</li></ul>"
                    ),
                    heading("What trainees do not say"),
                    text(
                        "<p>Supervisees do not tell their supervisors everything. In the study by "
                        "Ladany and colleagues (1996), keeping things back from a supervisor was "
                        "common among trainees, including negative reactions to the supervisor "
                        "and clinical mistakes. New supervisors can set themselves the task of "
                        "making it easier to say the difficult thing, and check whether it "
                        "works.</p>"
                    ),
                    callout(
                        "caution",
                        "<p>A supervisor in training brings their own work to their supervisor, "
                        "not their supervisees' private material. What a supervisee shares stays "
                        "with the person they shared it with unless they choose otherwise.</p>",
                        title="Keep the levels apart",
                    ),
                    key_points(
                        "Supervisors in training set and review homework about their supervising.",
                        "Supervisees often hold back; making disclosure easier is a task in itself.",
                        "Supervisees' material is not passed up to the supervisor's own supervisor.",
                    ),
                    reading(
                        "Ladany, N., Hill, C. E., Corbett, M. M., & Nutt, E. A. (1996). Nature, "
                        "extent, and importance of what psychotherapy trainees do not disclose to "
                        "their supervisors. Journal of Counseling Psychology, 43(1), 10–24.",
                        "A much-cited study of what trainees keep from their supervisors and why; "
                        "sobering reading for any new supervisor.",
                    ),
                    MILNE_2009,
                ],
            },
            {
                "slug": "analysing-recordings",
                "title": "Analysing recordings",
                "minutes": 20,
                "summary": "Using recordings and a competence scale as homework for trainees and supervisors.",
                "body": [
                    text(
                        "<p>Recordings show what happened rather than what we remember. Listening "
                        "to one's own sessions is uncomfortable at first and becomes one of the "
                        "most useful habits a therapist or supervisor can have.</p>"
                    ),
                    heading("Using a competence scale"),
                    text(
                        "<p>The Revised Cognitive Therapy Scale (CTS-R) rates a session on items "
                        "such as agenda setting, feedback, collaboration and guided discovery, "
                        "each from 0 to 6 (Blackburn et al., 2001). Its developers found good "
                        "internal consistency, but agreement between raters varied, so treat a "
                        "score as a prompt for discussion rather than a verdict. Use the scale "
                        "itself only under its licence; this course teaches the method, not the "
                        "items.</p>"
                    ),
                    heading("A recording task in four steps"),
                    text(
                        "<ol><li>Choose a segment of ten to fifteen minutes and say why.</li>"
                        "<li>Rate one or two competence areas only.</li>"
                        "<li>Note the time of each moment you would do differently, and what you "
                        "would do instead.</li>"
                        "<li>Bring one question to supervision.</li></ol>"
                    ),
                    heading("For supervisors in training", level="h3"),
                    text(
                        "<p>Supervisors in training can do the same with recordings of their "
                        "supervision sessions, rating how they set and reviewed homework with "
                        "their supervisee.</p>"
                    ),
                    callout(
                        "caution",
                        "<p>Recordings of therapy contain patients' personal information. Record "
                        "only with consent, store recordings securely, share them only with the "
                        "people agreed, and delete them by the agreed date.</p>",
                        title="Consent and safe keeping",
                    ),
                    exercise(
                        "reflection-on-supervision-i-led",
                        "For supervisors in training: listen again to a recording of a supervision "
                        "session you led (with everyone's consent) and complete this reflection from the "
                        "recording rather than from memory.",
                    ),
                    key_points(
                        "Recordings show what happened, not what we remember.",
                        "Rate a short segment on one or two areas, not a whole session on everything.",
                        "Scores start a discussion; they are not a verdict.",
                    ),
                    reading(
                        "Blackburn, I.-M., James, I. A., Milne, D. L., Baker, C., Standart, S., "
                        "Garland, A., & Reichelt, F. K. (2001). The Revised Cognitive Therapy "
                        "Scale (CTS-R): Psychometric properties. Behavioural and Cognitive "
                        "Psychotherapy, 29(4), 431–446.",
                        "How the CTS-R was developed and tested on more than a hundred recorded "
                        "sessions, including its limits.",
                        doi="10.1017/S1352465801004040",
                    ),
                ],
            },
        ],
    },
]


CHECKLIST_TEXT = """Homework planning checklist
(CBT Supervision demo course: "Homework in CBT supervision")

Use this when agreeing a task, in therapy or in supervision.

1. The task
   [ ] What exactly will be done?
   [ ] When, and where?
   [ ] How often, and for how long?
   [ ] How will it be recorded (sheet, notes, recording)?

2. The reason
   [ ] Can the person say in their own words why this makes sense for them?
   [ ] What might we learn from it, whatever happens?

3. Obstacles
   [ ] What could get in the way?
   [ ] What is the plan for each obstacle?
   [ ] Is there a smaller version for a bad day?

4. Confidence
   [ ] Confidence that it will be done, 0-10: ____
   [ ] Below about 7? Make the task smaller or clearer, then ask again.

5. Agreement
   [ ] Who proposed the task? Was it agreed together?
   [ ] Is the task written down for both people?
   [ ] When will it be reviewed? (First thing next time.)
"""
