"""Reading a pasted or uploaded list of e-mail addresses into people to enrol and lines to report.

Nothing is enrolled here: course staff see every line's outcome first and confirm.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from courses.models import CoursePage, Enrollment
from supervision.models import User

MAX_LINES = 500
_SEPARATORS = re.compile(r"[,;\t]")


@dataclass
class ListLine:
    number: int
    text: str
    email: str = ""
    problem: str = ""
    note: str = ""
    person: User | None = None

    @property
    def will_enrol(self) -> bool:
        return self.person is not None and not self.problem and not self.note


@dataclass
class EnrollmentListCheck:
    lines: list[ListLine] = field(default_factory=list)

    @property
    def to_enrol(self) -> list[ListLine]:
        return [line for line in self.lines if line.will_enrol]

    @property
    def problems(self) -> list[ListLine]:
        return [line for line in self.lines if line.problem]

    @property
    def unchanged(self) -> list[ListLine]:
        return [line for line in self.lines if line.note and not line.problem]

    @property
    def emails_to_enrol(self) -> list[str]:
        return [line.email for line in self.to_enrol]


def _address_on(text: str) -> tuple[str, str]:
    """The one address on a line (spreadsheet exports may add names in other columns), or a problem."""
    cells = [cell.strip().strip("<>\"'") for cell in _SEPARATORS.split(text)]
    candidates = [cell for cell in cells if "@" in cell]
    if not candidates:
        return "", "There is no e-mail address on this line."
    if len(candidates) > 1:
        return "", "This line has more than one address; put each address on its own line."
    address = candidates[0].lower()
    try:
        validate_email(address)
    except ValidationError:
        return "", f"“{candidates[0]}” is not a valid e-mail address."
    return address, ""


def enrollment_list_check(*, course: CoursePage, text: str) -> EnrollmentListCheck:
    check = EnrollmentListCheck()
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped:
            email, problem = _address_on(stripped)
            check.lines.append(ListLine(number=number, text=stripped, email=email, problem=problem))

    addresses = {line.email for line in check.lines if line.email}
    people = {person.email.lower(): person for person in User.objects.filter(email__in=addresses)}
    roles = dict(
        Enrollment.objects.filter(course=course, person__in=people.values()).values_list(
            "person__email", "role"
        )
    )
    first_seen: dict[str, int] = {}
    for line in check.lines:
        if line.problem:
            continue
        if line.email in first_seen:
            line.note = f"Repeats line {first_seen[line.email]}."
            continue
        first_seen[line.email] = line.number
        line.person = people.get(line.email)
        if line.person is None:
            line.problem = (
                "No account uses this address. The programme administrator adds people; "
                "ask them first, then enrol the person here."
            )
        elif line.email in roles:
            line.note = (
                f"Already enrolled as {Enrollment.Role(roles[line.email]).label.lower()}; "
                "left unchanged."
            )
    return check
