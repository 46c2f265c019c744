"""The tiers' shapes and whom the benchmark signs in as; no Django here (bench/run.py imports it
before any settings exist). The data itself: bench/tiers.py."""

# (supervisors added, supervisees per supervisor)
TIERS = {"XS": (0, 0), "S": (10, 5), "M": (50, 8), "L": (200, 10)}
PER_PART = ("trainee1", "trainee2", "supervisor_in_training")


def bench_login(tier: str, key: str) -> str:
    """The e-mail the benchmark signs in with as ``key`` (supervisor or trainee1) on ``tier``."""
    if TIERS[tier][0] == 0:
        return f"{key.replace('_', '.')}@example.org"
    return (
        f"bench-{key}-1-1@example.org" if key != "supervisor" else "bench-supervisor-1@example.org"
    )


def built_mark(tier: str) -> str:
    """What a finished tier's database says about itself (its PostgreSQL comment; bench.tiers)."""
    return f"bench tier {tier} built"
