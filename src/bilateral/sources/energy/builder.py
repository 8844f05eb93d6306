"""The pipeline step: build the six energy tables from the raw folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.sources.energy.ei import ei_gas_trade, ei_series
from bilateral.sources.energy.eurostat import eurostat_turkiye
from bilateral.sources.energy.pipelines import pipeline_facts
from bilateral.sources.energy.press_gas import press_gas_imports, press_gas_imports_subannual
from bilateral.sources.energy.tables import (
    ENERGY_SERIES,
    GAS_IMPORTS,
    GAS_IMPORTS_EUROSTAT,
    GAS_IMPORTS_SUBANNUAL,
    GAS_TRADE,
    PIPELINE_FACTS,
)

__all__ = ["build"]


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build the energy tables from the raw folder ``raw``."""
    return {
        ENERGY_SERIES.name: ei_series(raw),
        GAS_TRADE.name: ei_gas_trade(raw),
        GAS_IMPORTS.name: press_gas_imports(raw),
        GAS_IMPORTS_SUBANNUAL.name: press_gas_imports_subannual(raw),
        GAS_IMPORTS_EUROSTAT.name: eurostat_turkiye(raw),
        PIPELINE_FACTS.name: pipeline_facts(raw),
    }
