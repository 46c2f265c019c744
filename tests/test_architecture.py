"""The floors of docs/architecture.md, checked from the source: no import runs up, no module circle.

The imports are read with ``ast`` from every Python file of the project (migrations and tests
aside), including imports inside functions: an import deferred to run time still ties the two
modules together. An app may import its own modules and the apps on lower floors; two apps on
the same floor never import each other.
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. Keep in step with docs/architecture.md.
FLOORS = (
    ("supervision",),  # ground: people, relationships, permissions, files
    ("notifications", "exports"),  # the one notice service; PDFs built in the background
    ("worksheets",),  # the engine
    ("courses", "feedback", "questionnaires"),  # features
    ("homework", "recordings", "portfolios"),  # homework points at a lesson; recordings use ratings
    # reminders about homework and meetings; exports, erasure, retention; pathways of homework steps
    ("reminders", "privacy", "pathways"),
    ("demo",),  # composes every app's demo data
    ("config",),  # settings and URLs put the apps together
)
FLOOR_OF = {app: level for level, apps in enumerate(FLOORS) for app in apps}
SKIPPED_PARTS = {"migrations", "tests", "node_modules", "static", "templates", "var"}


def project_modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in FLOOR_OF or SKIPPED_PARTS & set(relative.parts):
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".")
                if not is_package:
                    package.pop()
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            names.add(target)
            # "from package import module" imports the module itself.
            names |= {f"{target}.{alias.name}" for alias in node.names}
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (the nearest existing module for each name)."""
    modules = project_modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        for name in _imported_names(tree, module, path.name == "__init__.py"):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                graph[module].add(name)
        graph.setdefault(module, set())
    return graph


def upward_imports(graph) -> list[str]:
    found = []
    for module, targets in sorted(graph.items()):
        app = module.split(".")[0]
        for target in sorted(targets):
            other = target.split(".")[0]
            if other != app and FLOOR_OF[other] >= FLOOR_OF[app]:
                found.append(f"{module} -> {target}")
    return found


def circles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iteratively)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def test_every_app_has_a_floor():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps - set(FLOOR_OF) == set(), "add the new app to FLOORS (and docs/architecture.md)"


def test_no_app_imports_one_on_its_own_floor_or_above(graph):
    assert upward_imports(graph) == []


def test_no_modules_import_each_other_in_a_circle(graph):
    assert circles(graph) == []


def test_the_checks_see_what_they_should():
    """The reader itself: relative imports, deferred imports and circles are all found."""
    tree = ast.parse("from . import b\nfrom .c import d\ndef f():\n    import x.y\n")
    assert _imported_names(tree, "app.pkg.a", False) == {
        "app.pkg",
        "app.pkg.b",
        "app.pkg.c",
        "app.pkg.c.d",
        "x.y",
    }
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert upward_imports({"supervision.x": {"homework.y"}, "homework.y": set()}) == [
        "supervision.x -> homework.y"
    ]


# --- Tests mirror the code ------------------------------------------------------------------

# Checks that cut across an app keep their own names in its test folder.
CROSS_CUTTING = {
    "authorization",
    "benchmark",
    "benchmarks",
    "concurrency",
    "performance",
    "query_counts",
}


def code_tested_by(test_file: Path) -> Path | None:
    """The code a test module is named after: tests/a/b/test_c_d.py is about a/b/c_d or a/b/c."""
    relative = test_file.relative_to(ROOT / "tests")
    folder = ROOT.joinpath(*relative.parts[:-1])
    words = relative.stem.removeprefix("test_").split("_")
    for end in range(len(words), 0, -1):
        name = "_".join(words[:end])
        for candidate in (folder / f"{name}.py", folder / name):
            if candidate.exists():
                return candidate
    return None


def test_every_test_module_is_found_from_the_code_it_tests():
    unmatched = set()
    for test_file in sorted((ROOT / "tests").glob("*/**/test_*.py")):
        relative = test_file.relative_to(ROOT)
        if relative.parts[1] == "browser":
            continue  # journeys through the site, named after what the person does
        name = test_file.stem.removeprefix("test_")
        if name in CROSS_CUTTING or code_tested_by(test_file) is not None:
            continue
        unmatched.add(str(relative))
    assert unmatched == set(), "move these beside what they test"
