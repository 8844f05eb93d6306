"""Every way bilateral.params.validate / check_names refuses parameters, and the message it gives."""

from __future__ import annotations

import pytest

from bilateral.errors import ParameterError
from bilateral.params import (
    STANDARD,
    Params,
    check_names,
    find_cells,
    from_notebook,
    install_one_line_errors,
    is_injected,
    one_line,
    validate,
)

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
    [
        ({"start_year": 1990}, "start_year=1990"),
        ({"end_year": 2021}, "end_year=2021"),
        ({"start_year": 1994}, "start_year=1994"),
    ],
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
def test_comparators_that_are_the_pair_are_left_out_with_a_sentence(clash):
    p = validate(with_(comparators=["ARM", clash]), years=YEARS)
    assert p.comparators == ("ARM",)
    assert p.dropped == {"comparators": (clash,)}
    name = {"AZE": "Azerbaijan", "TUR": "Türkiye"}[clash]
    assert (
        p.note
        == f"{name} is one of the two states this report is about, so it is left out of the states they are compared with."
    )


def test_no_note_when_nothing_is_left_out():
    assert validate(GOOD, years=YEARS).note == ""
    assert validate(with_(comparators=[]), years=YEARS).dropped == {}


def test_other_comparator_lists_follow_the_same_rules_and_share_the_note():
    extra = {"comparators_b": ["GEO"]}
    p = validate(with_(comparators=["AZE", "TUR", "GEO"], comparators_b=["TUR", "IRN"]), years=YEARS, extra=extra)
    assert p.comparators == ("GEO",) and p.extra["comparators_b"] == ["IRN"]
    assert p.dropped == {"comparators": ("AZE", "TUR"), "comparators_b": ("TUR",)}
    assert p.note.startswith("Azerbaijan and Türkiye are the two states this report is about, so they are left out")
    with pytest.raises(ParameterError, match=r"comparators_b\[1\]='Iran'"):
        validate(with_(comparators_b=["IRN", "Iran"]), years=YEARS, extra=extra)
    with pytest.raises(ParameterError, match="comparators_b=.*twice"):
        validate(with_(comparators_b=["IRN", "IRN"]), years=YEARS, extra=extra)


@pytest.mark.parametrize(("value", "shown"), [("031", "031"), (31, "031"), (792, "792")])
def test_numeric_codes_are_reported_as_typed_with_the_alpha3_code(value, shown):
    # ISO 3166-1 numeric: 031 Azerbaijan, 792 Türkiye (papermill reads `-p country_a 031` as the number 31)
    alpha3 = {"031": "AZE", "792": "TUR"}[shown]
    with pytest.raises(ParameterError) as err:
        validate(with_(country_a=value), years=YEARS)
    assert str(err.value).startswith(f"country_a={shown}: {shown} is the numeric ISO code of ")
    assert str(err.value).endswith(f"use its alpha-3 code {alpha3!r}")


PARAMETERS_CELL = """country_a = "AZE"
country_b = "TUR"
start_year = 2000
end_year = 2010
comparators = ["ARM", "RUS"]  # compared with the pair
top_n = 10
"""


def namespace(**changes):
    return {**GOOD, "top_n": 10, "In": [], **changes}


def test_from_notebook_reads_names_and_defaults_from_the_parameters_cell():
    p = from_notebook(namespace(top_n=3), years=YEARS, parameters_cell=PARAMETERS_CELL)
    assert p.pair == ("AZE", "TUR") and p.extra == {"top_n": 3}
    # the type of an extra parameter is the type of its default in the cell
    with pytest.raises(ParameterError, match="top_n='3' must be of type int"):
        from_notebook(namespace(top_n="3"), years=YEARS, parameters_cell=PARAMETERS_CELL)


def test_from_notebook_refuses_a_name_papermill_injected_but_the_cell_does_not_declare():
    injected = '# Parameters\ncontry_a = "ARM"\n'
    with pytest.raises(ParameterError) as err:
        from_notebook(namespace(contry_a="ARM"), years=YEARS, parameters_cell=PARAMETERS_CELL, injected_cell=injected)
    assert "'contry_a'" in str(err.value) and "country_a, country_b, start_year, end_year, comparators, top_n" in str(
        err.value
    )
    ok = from_notebook(
        namespace(country_a="ARM"),
        years=YEARS,
        parameters_cell=PARAMETERS_CELL,
        injected_cell='# Parameters\ncountry_a = "ARM"\n',
    )
    assert ok.country_a == "ARM" and ok.comparators == ("RUS",) and "Armenia is one of" in ok.note


def test_find_cells_takes_the_latest_parameters_cell_and_the_injected_cell_after_it():
    injected = "# Parameters\nstart_year = 2005\n"
    history = ["", "import os", PARAMETERS_CELL, injected, "x = 1", "P = params.from_notebook(globals(), years=YEARS)"]
    assert find_cells(history) == (PARAMETERS_CELL, injected)
    # re-run by hand in Jupyter: a later edit of the parameters cell wins, and no papermill cell follows it
    edited = PARAMETERS_CELL.replace("2000", "2001")
    assert find_cells([*history, edited, "y = 2"]) == (edited, None)
    with pytest.raises(ParameterError, match="run the parameters cell first"):
        find_cells(["x = 1", 'country_a = "AZE"'])  # literals, but not every standard parameter


def test_injected_cell_is_recognised_by_papermill_comment():
    from papermill.translators import PythonTranslator

    source = PythonTranslator.codify({"country_a": "ARM", "comparators": ["AZE"]})
    assert is_injected(source)
    assert not is_injected(PARAMETERS_CELL)


def test_one_line_shows_only_the_message():
    assert one_line(ParameterError, ParameterError("rival='ARM' is country_a itself")) == [
        "ParameterError: rival='ARM' is country_a itself"
    ]
    assert install_one_line_errors() is False  # no IPython kernel in the test process


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
