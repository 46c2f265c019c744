"""The benchmark's rounds: a page's row is its median round (bench/run.py)."""

from bench.run import bracketed, combined, report


def test_a_page_is_reported_by_its_median_round_with_the_lowest_and_highest():
    samples = [
        {"rps": 200.0, "p50": 9.0, "p95": 20.0, "errors": 0, "ratio": 0.10},
        {"rps": 150.0, "p50": 12.0, "p95": 31.0, "errors": 1, "ratio": 0.08},
        {"rps": 260.0, "p50": 7.0, "p95": 18.0, "errors": 0, "ratio": 0.13},
    ]

    row = combined(samples)

    assert row == {
        "rps": 200.0,
        "p50": 9.0,
        "p95": 20.0,
        "errors": 1,
        "rounds": 3,
        "ratio": 0.10,
        "low": 0.08,
        "high": 0.13,
    }


def test_hello_world_has_no_ratio_and_its_spread_is_in_requests_per_second():
    row = combined([{"rps": r, "p50": 1.0, "p95": 2.0, "errors": 0} for r in (1900.0, 2100.0)])

    assert "ratio" not in row
    assert (row["rps"], row["low"], row["high"]) == (2000.0, 1900.0, 2100.0)
    text = report([{"tier": "M", "page": "hello-world", **row, "queries": 0}])
    assert "| M | hello-world | 1 | 1900–2100 req/s | 2000 |" in text


def test_the_report_gives_a_page_its_median_and_its_spread():
    samples = [{"rps": r, "p50": 5.0, "p95": 9.0, "errors": 0, "ratio": r / 2000} for r in
               (180.0, 220.0, 240.0)]  # fmt: skip
    row = {"tier": "M", "page": "lesson", "path": "/learn/a/b/c/", **combined(samples),
           "queries": 2}  # fmt: skip

    text = report([row])

    assert "| M | lesson | 0.110 | 0.090–0.120 | 220 | 5.0 | 9.0 | 2 | 0 |" in text
    assert "median of" in text


def test_a_page_is_held_against_the_hello_world_runs_just_before_and_after_it():
    # A machine that slowed from 2,000 to 1,000 req/s while the page ran: the page's 150 req/s
    # are a tenth of the mean, not 0.075 of the run before it.
    assert bracketed(150.0, 2000.0, 1000.0) == 0.1
    assert bracketed(200.0, 2000.0, 2000.0) == 0.1
