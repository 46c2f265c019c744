"""Invented demo people and records; every name here is a pseudonym made up for this project."""

DEMO_PASSWORD = "cbt-demo-2026"

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
