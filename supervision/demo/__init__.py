"""Invented demo people and records; every name here is a pseudonym made up for this project."""

DEMO_PASSWORD = "cbt-demo-2026"
# Every demo account has an authenticator app set up with this fixed secret (base32), so the demo
# works with two-step sign-in on: `manage.py demo_totp_code` prints the current code, and any
# authenticator app given this key shows the same codes. Never use a fixed secret for real people.
DEMO_TOTP_SECRET = "CBTSUPERVISIONDEMOSECRETKEYABCDE"

DEMO_PEOPLE = [
    {
        "key": "supervisor",
        "email": "supervisor@example.org",
        "display_name": "Dr Maren Holt",
        "role": "Supervisor (supervises both trainees and the supervisor in training)",
    },
    {
        "key": "supervisor_in_training",
        "email": "supervisor.in.training@example.org",
        "display_name": "Jonas Ebner",
        "role": "Supervisor in training (supervises Omar, supervised by Dr Holt)",
    },
    {
        "key": "trainee1",
        "email": "trainee1@example.org",
        "display_name": "Lina Farrow",
        "role": "Trainee therapist",
    },
    {
        "key": "trainee2",
        "email": "trainee2@example.org",
        "display_name": "Omar Castell",
        "role": "Trainee therapist",
    },
    {
        "key": "editor",
        "email": "editor@example.org",
        "display_name": "Ruth Calloway",
        "role": "Course editor",
    },
    {
        "key": "admin",
        "email": "admin@example.org",
        "display_name": "Programme Administrator",
        "role": "Administrator",
    },
]
