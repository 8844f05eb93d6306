"""The layout of bilateral.ranks: modules of one job, each with ``__all__``, re-exported by the package.

The reports' notebooks and other modules call ``ranks.<name>``; the names they use must stay reachable
from the package whichever module defines them.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from bilateral import ranks

SUBMODULES = sorted(m.name for m in pkgutil.iter_modules(ranks.__path__))

#: Names of bilateral.ranks used outside the package (notebooks, tests, other modules).
USED_OUTSIDE = (
    "NOT_COVERED",
    "PRESENCE_WORDS",
    "arms_rank_table",
    "arms_ranked",
    "arms_ranks",
    "arms_sentence",
    "arms_top",
    "claims_against_all",
    "index_pairs_note",
    "latest_ranked_year",
    "overview_rows",
    "overview_sentence",
    "overview_table",
    "plot_rank_over_time",
    "plot_top",
    "posts_ranks",
    "posts_sentence",
    "rank_of",
    "rank_words",
    "record_un_measures",
    "top_alt",
    "trade_complete_reporters",
    "trade_rank_table",
    "trade_ranked",
    "trade_ranks",
    "trade_sentence",
    "trade_top",
    "un_headline",
    "un_meaning_sentence",
    "un_period_note",
    "un_rank_table",
    "un_ranked",
    "un_ranks",
    "un_scores",
    "un_sentence",
    "un_spans",
    "un_top",
    "with_all_supplier_rank",
    "without_comparator_rank",
)


def test_the_package_has_its_modules():
    assert set(SUBMODULES) >= {"core", "un", "trade", "arms", "posts", "words", "text", "tables", "plots"}


@pytest.mark.parametrize("name", SUBMODULES)
def test_each_module_declares_all_and_the_package_reexports_it(name):
    module = importlib.import_module(f"bilateral.ranks.{name}")
    assert module.__all__, f"bilateral.ranks.{name} declares no __all__"
    for public in module.__all__:
        assert getattr(ranks, public) is getattr(module, public), f"ranks.{public} is not {name}.{public}"


def test_names_used_outside_stay_reachable():
    missing = [n for n in USED_OUTSIDE if not hasattr(ranks, n)]
    assert not missing, f"bilateral.ranks lost {missing}"


def test_every_public_name_is_defined_once():
    seen: dict[str, str] = {}
    for name in SUBMODULES:
        for public in importlib.import_module(f"bilateral.ranks.{name}").__all__:
            assert public not in seen, f"{public} is exported by both {seen[public]} and {name}"
            seen[public] = name
