"""bench.tiers: a tier is built once, on a database without bench people."""

import pytest

from bench.tiers import tier_build
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_database_already_holding_bench_people_is_refused(django_assert_max_num_queries):
    UserFactory(email="bench-supervisor-1@example.org")
    with (
        pytest.raises(RuntimeError, match="already holds bench people"),
        django_assert_max_num_queries(1),  # refused before anything is written
    ):
        tier_build("S")
