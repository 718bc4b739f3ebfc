"""Great Expectations (GX Core 1.x) gates: run a stage's suites as one checkpoint, build Data Docs.

A stage's expectations live in ``expectations/<stage>.py`` as code: a ``checks(**params)``
function returning :class:`Check` objects (a SQL query over the warehouse and the expectations
its rows must meet). Suites are rebuilt from that code on every run, so the repository is the
only place they are defined; results and Data Docs go to ``var/gx``.
"""
from __future__ import annotations

import importlib.util
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from webcare import config, warehouse
from webcare.errors import ValidationFailed

log = logging.getLogger(__name__)

DATASOURCE = "warehouse"
URL_ENV = "WEBCARE_GX_WAREHOUSE_URL"  # GX substitutes it at run time: no secret on disk


@dataclass
class Check:
    name: str                       # snake_case; becomes the suite's and the asset's name
    query: str                      # SELECT over the warehouse: the batch to validate
    expectations: list = field(default_factory=list)


@dataclass
class StageResult:
    stage: str
    success: bool
    evaluated: int
    failed: list[str]
    docs_index: str

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def load_stage(stage: str):
    path = config.EXPECTATIONS_DIR / f"{stage}.py"
    spec = importlib.util.spec_from_file_location(f"webcare_expectations_{stage}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gx_context():
    import great_expectations as gx

    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", project_root_dir=str(config.output_dir("gx")))
    bars = context.variables.progress_bars
    if (bars.get("globally") if isinstance(bars, dict) else getattr(bars, "globally", None)) is not False:
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        context.variables.save()
    return context


def docs_index() -> Path:
    """The Data Docs home page (GX's default local site inside the file context)."""
    return config.output_dir("gx") / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"


def run_stage(stage: str, url: str | None = None, raise_on_failure: bool = True, **params) -> StageResult:
    """Validate every check of ``stage`` in one checkpoint, update Data Docs, raise if any fails."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    os.environ[URL_ENV] = url or warehouse.warehouse_url()
    checks: list[Check] = load_stage(stage).checks(**params)
    context = gx_context()
    datasource = context.data_sources.add_or_update_postgres(
        name=DATASOURCE, connection_string="${" + URL_ENV + "}")
    definitions = []
    for check in checks:
        asset_name = f"{stage}__{check.name}"
        if asset_name in datasource.get_asset_names():
            datasource.delete_asset(asset_name)
        asset = datasource.add_query_asset(name=asset_name, query=check.query)
        batch_definition = asset.add_batch_definition_whole_table(f"{asset_name}__batch")
        suite = context.suites.add_or_update(gx.ExpectationSuite(name=asset_name, expectations=check.expectations))
        definitions.append(context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=asset_name, data=batch_definition, suite=suite)))
    checkpoint = context.checkpoints.add_or_update(gx.Checkpoint(
        name=f"{stage}_checkpoint", validation_definitions=definitions,
        actions=[UpdateDataDocsAction(name="update_data_docs")],
        result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5},
    ))
    result = checkpoint.run(batch_parameters={})
    failed, evaluated = [], 0
    for validation in result.run_results.values():
        for outcome in validation.results:
            evaluated += 1
            if not outcome.success:
                config_ = outcome.expectation_config
                detail = outcome.result.get("partial_unexpected_list") or outcome.result.get("observed_value")
                failed.append(f"{validation.suite_name}: {config_.type} {config_.kwargs.get('column', '')} "
                              f"-> {detail}".replace("  ", " "))
    summary = StageResult(stage, bool(result.success), evaluated, failed, str(docs_index()))
    log.info("GX %s checkpoint: %s, %d expectations, %d failed; Data Docs: %s", stage,
             "passed" if summary.success else "FAILED", evaluated, len(failed), summary.docs_index)
    if not summary.success and raise_on_failure:
        raise ValidationFailed(f"{stage} checkpoint failed: " + "; ".join(failed))
    return summary
