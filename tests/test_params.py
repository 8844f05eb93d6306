"""Every way bilateral.params.validate / check_names refuses parameters, and the message it gives."""

from __future__ import annotations

import pytest

from bilateral.errors import ParameterError
from bilateral.params import STANDARD, Params, check_names, validate

YEARS = (1995, 2020)
GOOD = {"country_a": "AZE", "country_b": "TUR", "start_year": 2000, "end_year": 2010, "comparators": ["ARM", "RUS"]}


def with_(**changes):
    return {**GOOD, **changes}


def test_valid_parameters_give_params():
    p = validate(GOOD, years=YEARS)
    assert isinstance(p, Params)
    assert p.pair == ("AZE", "TUR")
    assert p.comparators == ("ARM", "RUS")
    assert list(p.years) == list(range(2000, 2011))
    assert p.name_b == "Türkiye"
    assert "AZE–TUR, 2000–2010" in p.describe()


def test_period_may_be_a_single_year_at_the_edges_of_the_data():
    assert validate(with_(start_year=1995, end_year=1995), years=YEARS).years == range(1995, 1996)
    assert validate(with_(start_year=2020, end_year=2020), years=YEARS).start_year == 2020


@pytest.mark.parametrize(
    ("changes", "names"),
    [
        ({"country_a": "XYZ"}, ["country_a", "XYZ"]),
        ({"country_a": "aze"}, ["country_a", "aze"]),  # codes are upper-case
        ({"country_b": "Turkey"}, ["country_b", "Turkey"]),
        ({"country_b": 792}, ["country_b"]),
        ({"comparators": ["ARM", "ZZZ"]}, ["comparators[1]", "ZZZ"]),
    ],
)
def test_unknown_country_code_is_named(changes, names):
    with pytest.raises(ParameterError) as err:
        validate(with_(**changes), years=YEARS)
    for name in names:
        assert name in str(err.value)
    assert "ISO" in str(err.value)  # says what is allowed


def test_same_country_twice():
    with pytest.raises(ParameterError, match="country_a and country_b"):
        validate(with_(country_b="AZE"), years=YEARS)


def test_start_after_end():
    with pytest.raises(ParameterError, match=r"start_year=2011 is after end_year=2010"):
        validate(with_(start_year=2011), years=YEARS)


@pytest.mark.parametrize(
    ("changes", "name"),
    [({"start_year": 1990}, "start_year=1990"), ({"end_year": 2021}, "end_year=2021"), ({"start_year": 1994}, "start_year=1994")],
)
def test_years_outside_the_data(changes, name):
    with pytest.raises(ParameterError) as err:
        validate(with_(**changes), years=YEARS)
    assert name in str(err.value)
    assert "1995–2020" in str(err.value)  # the allowed range


@pytest.mark.parametrize("value", ["2000", 2000.0, True, None])
def test_year_must_be_an_int(value):
    with pytest.raises(ParameterError, match="start_year"):
        validate(with_(start_year=value), years=YEARS)


def test_unknown_name_in_validate():
    with pytest.raises(ParameterError) as err:
        validate(with_(contry_a="GEO"), years=YEARS)
    assert "'contry_a'" in str(err.value)
    for name in STANDARD:
        assert name in str(err.value)  # lists what the notebook takes


def test_missing_standard_parameter():
    params = dict(GOOD)
    del params["end_year"]
    with pytest.raises(ParameterError, match="end_year"):
        validate(params, years=YEARS)


def test_check_names_names_every_unknown_and_lists_the_allowed():
    check_names(["country_a"], STANDARD)  # fine
    with pytest.raises(ParameterError) as err:
        check_names(["country_a", "bogus", "other"], ["country_a", "country_b"])
    msg = str(err.value)
    assert "'bogus'" in msg and "'other'" in msg
    assert "country_a, country_b" in msg


@pytest.mark.parametrize("value", ["ARM", "ARM,RUS", 5, {"ARM"}, {"ARM": 1}, None])
def test_comparators_wrong_type(value):
    with pytest.raises(ParameterError, match="comparators"):
        validate(with_(comparators=value), years=YEARS)


def test_comparators_tuple_and_empty_list_are_accepted():
    assert validate(with_(comparators=("GEO",)), years=YEARS).comparators == ("GEO",)
    assert validate(with_(comparators=[]), years=YEARS).comparators == ()


def test_comparators_duplicate():
    with pytest.raises(ParameterError, match="twice"):
        validate(with_(comparators=["ARM", "RUS", "ARM"]), years=YEARS)


@pytest.mark.parametrize("clash", ["AZE", "TUR"])
def test_comparators_clash_with_the_pair(clash):
    with pytest.raises(ParameterError) as err:
        validate(with_(comparators=["ARM", clash]), years=YEARS)
    assert "comparators" in str(err.value) and repr(clash) in str(err.value)


def test_extra_parameters_take_the_default_type():
    p = validate(with_(top_n=5), years=YEARS, extra={"top_n": 10, "weight": 0.5, "label": "x"})
    assert p.extra == {"top_n": 5, "weight": 0.5, "label": "x"}
    # an int is accepted where the default is a float
    assert validate(with_(weight=1), years=YEARS, extra={"weight": 0.5}).extra["weight"] == 1


@pytest.mark.parametrize(
    ("extra", "given"),
    [
        ({"top_n": 10}, {"top_n": "5"}),
        ({"top_n": 10}, {"top_n": 5.0}),
        ({"top_n": 10}, {"top_n": True}),  # a bool is not a count
        ({"weight": 0.5}, {"weight": "1"}),
        ({"weight": 0.5}, {"weight": False}),
        ({"label": "x"}, {"label": 3}),
        ({"per_capita": False}, {"per_capita": 0}),
    ],
)
def test_extra_wrong_type(extra, given):
    name = next(iter(given))
    with pytest.raises(ParameterError) as err:
        validate(with_(**given), years=YEARS, extra=extra)
    assert name in str(err.value) and "type" in str(err.value)


def test_extra_not_declared_is_unknown():
    with pytest.raises(ParameterError, match="'top_n'"):
        validate(with_(top_n=5), years=YEARS)
