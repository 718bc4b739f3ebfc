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
import time
from dataclasses import dataclass, field
from pathlib import Path

from webcare import config, warehouse
from webcare.errors import ValidationFailed

log = logging.getLogger(__name__)

# GX sends usage analytics unless told not to; a warehouse of health data sends nothing.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
DATASOURCE = "warehouse"
URL_ENV = "WEBCARE_GX_WAREHOUSE_URL"  # GX substitutes it at run time: no secret on disk


@dataclass
class Check:
    name: str                       # snake_case; becomes the suite's and the asset's name
    query: str                      # SELECT over the warehouse: the batch to validate
    expectations: list = field(default_factory=list)
    # a raw table whose rows the query selects with their raw_id: rows failing a critical
    # expectation are moved to raw.quarantine by the gate (see ``quarantine_failures``)
    quarantine_table: str | None = None


@dataclass
class StageResult:
    stage: str
    success: bool                   # no critical expectation failed
    evaluated: int
    failed: list[str]               # critical failures
    warnings: list[str]             # warning failures: recorded and shown, the run goes on
    docs_index: str
    outcomes: list[dict] = field(default_factory=list, repr=False)
    pages: list[str] = field(default_factory=list, repr=False)  # this checkpoint's validation pages (site-relative)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("outcomes", "pages")}


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


BATCH_SCHEMA = "gate_batches"


def write_batches(stage: str, checks: list[Check], url: str) -> dict[str, str]:
    """Each check's rows, computed once into ``gate_batches.<stage>__<check>`` (unlogged, replaced at
    the stage's next run); return the table of each check.

    GX evaluates a query asset once per metric (counts, then the unexpected rows of each
    expectation), so a check over a join or a view ran its query ten or twenty times; now it runs
    once, and what the gate validated stays readable (ids and numbers only: checks select no
    text) until the next run of the stage."""
    tables = {}
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute(f"create schema if not exists {BATCH_SCHEMA}")
        for check in checks:
            table = f'{BATCH_SCHEMA}."{stage}__{check.name}"'
            cur.execute(f"drop table if exists {table}")
            cur.execute(f"create unlogged table {table} as select * from ({check.query.strip()}) as batch")
            tables[check.name] = table
    return tables


@warehouse.acting_as("validator")
def run_stage(stage: str, url: str | None = None, raise_on_failure: bool = True, **params) -> StageResult:
    """Validate every check of ``stage`` in one checkpoint, update Data Docs, raise if any fails."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    os.environ[URL_ENV] = warehouse.with_session_options(warehouse.role_url(url=url))  # as validator, timeouts
    checks: list[Check] = load_stage(stage).checks(**params)
    url = url or warehouse.warehouse_url()
    batches = write_batches(stage, checks, url)
    context = gx_context()
    datasource = context.data_sources.add_or_update_postgres(
        name=DATASOURCE, connection_string="${" + URL_ENV + "}")
    definitions = []
    for check in checks:
        asset_name = f"{stage}__{check.name}"
        if asset_name in datasource.get_asset_names():
            datasource.delete_asset(asset_name)
        # GX wants a query starting with SELECT; a check may start with a CTE
        asset = datasource.add_query_asset(name=asset_name, query=f"select * from {batches[check.name]}")
        batch_definition = asset.add_batch_definition_whole_table(f"{asset_name}__batch")
        suite = context.suites.add_or_update(gx.ExpectationSuite(name=asset_name, expectations=check.expectations))
        definitions.append(context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=asset_name, data=batch_definition, suite=suite)))
    checkpoint = context.checkpoints.add_or_update(gx.Checkpoint(
        name=f"{stage}_checkpoint", validation_definitions=definitions,
        actions=[UpdateDataDocsAction(name="update_data_docs")],
        result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5},
    ))
    from webcare.data_docs import localise, pages_written_since

    started = time.time()
    result = checkpoint.run(batch_parameters={})
    site = docs_index().parent
    localise(site)
    pages = pages_written_since(site, started)
    outcomes = [_outcome(validation.suite_name, outcome)
                for validation in result.run_results.values() for outcome in validation.results]
    failed = [o["summary"] for o in outcomes if not o["success"] and o["severity"] == "critical"]
    warnings = [o["summary"] for o in outcomes if not o["success"] and o["severity"] != "critical"]
    summary = StageResult(stage, not failed, len(outcomes), failed, warnings, str(docs_index()), outcomes, pages)
    log.info("GX %s checkpoint: %s, %d expectations, %d failed, %d warnings; Data Docs: %s", stage,
             "passed" if summary.success else "FAILED", len(outcomes), len(failed), len(warnings), summary.docs_index)
    for warning in warnings:
        log.warning("GX %s warning: %s", stage, warning)
    if not summary.success and raise_on_failure:
        raise ValidationFailed(f"{stage} checkpoint failed: " + "; ".join(failed))
    return summary


def _outcome(suite_name: str, outcome) -> dict:
    """One expectation's result, with nothing but ids, keys and numbers (suites select no text)."""
    config_ = outcome.expectation_config
    result = outcome.result or {}
    column = config_.kwargs.get("column") or ",".join(config_.kwargs.get("column_list") or []) or \
        ",".join(filter(None, [config_.kwargs.get("column_A"), config_.kwargs.get("column_B")])) or None
    samples = result.get("partial_unexpected_list")
    detail = samples if samples else result.get("observed_value")
    return {
        "suite_name": suite_name, "expectation_type": config_.type, "column": column,
        "severity": str(getattr(config_.severity, "value", config_.severity) or "critical"),
        "success": bool(outcome.success), "observed_value": result.get("observed_value"),
        "element_count": result.get("element_count"), "unexpected_count": result.get("unexpected_count"),
        "unexpected_percent": result.get("unexpected_percent"), "sample_values": samples,
        "summary": f"{suite_name}: {config_.type} {column or ''} -> {detail}".replace("  ", " "),
    }


def keep_docs_for_run(run_id: str, stage: str, pages: list[str]) -> Path:
    """Keep this run's Data Docs in var/gx/runs/<run id>/: a copy of the validation pages of its
    checkpoints (``pages``, site-relative, at the same paths) and an index of them, the site's
    static files linked, not copied. Each run adds only its own pages, so the folder grows
    linearly with runs (a copy of the whole site per run grew with the square of their number)."""
    import json
    import re
    import shutil

    from webcare.data_docs import write_run_index

    site = docs_index().parent
    target = config.output_dir("gx", "runs") / re.sub(r"[^A-Za-z0-9_.-]+", "_", run_id)
    for relative in pages:
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(site / relative, target / relative)
    listing = target / "pages.json"
    kept = json.loads(listing.read_text(encoding="utf-8")) if listing.exists() else {}
    kept[stage] = sorted(set(kept.get(stage, [])) | set(pages))
    listing.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")
    return write_run_index(site, target, run_id, kept)


@warehouse.acting_as("validator")
def gate(stage: str, run_id: str, batch_date: str, url: str | None = None) -> StageResult:
    """Run a stage's checkpoint as a gate of the DAG: record every expectation result and the
    stage in the audit schema, keep this run's Data Docs, and raise if a critical check failed."""
    from webcare import audit

    checkpoint = f"{stage}_checkpoint"
    with audit.stage(run_id, batch_date, f"validate_{stage}", checkpoint=checkpoint, url=url) as record:
        result = run_stage(stage, url, raise_on_failure=False, batch_date=batch_date)
        audit.record_expectations(run_id, batch_date, stage, checkpoint, result.outcomes, url)
        keep_docs_for_run(run_id, stage, result.pages)
        details = {"failed": result.failed, "warnings": result.warnings}
        if not result.success:
            moved = quarantine_failures(stage, result, url, batch_date=batch_date)
            if moved:
                details["quarantined"] = moved
                record["rows_quarantined"] = sum(moved.values())
        record.update(rows_in=result.evaluated, rows_out=result.evaluated - len(result.failed) - len(result.warnings),
                      success=result.success, details=details)
    if not result.success:
        raise ValidationFailed(f"{stage} checkpoint failed: " + "; ".join(result.failed))
    return result


def _matches(expectation, outcome: dict) -> bool:
    config_ = expectation.configuration
    kwargs = config_.kwargs
    column = kwargs.get("column") or ",".join(kwargs.get("column_list") or []) or None
    return config_.type == outcome["expectation_type"] and column == outcome["column"]


def _failing_raw_ids(stage: str, check: Check, expectation, url: str) -> list[int]:
    """The raw_id of every row of the check's batch that fails ``expectation``: GX's unexpected
    index for column expectations; for a compound uniqueness (GX gives no index on SQL), every
    repeated row but the first loaded."""
    kwargs = expectation.configuration.kwargs
    if kwargs.get("column_list"):
        columns = ", ".join(f'"{c}"' for c in kwargs["column_list"])
        sql = f"""select raw_id from (select raw_id, row_number() over (partition by {columns} order by raw_id) as nth
                                     from ({check.query.strip()}) as batch) ranked where nth > 1"""
        with warehouse.transaction(url) as conn, conn.cursor() as cur:
            cur.execute(sql)
            return [row[0] for row in cur.fetchall()]
    context = gx_context()
    asset = context.data_sources.get(DATASOURCE).get_asset(f"{stage}__{check.name}")
    batch = asset.get_batch_definition(f"{stage}__{check.name}__batch").get_batch()
    result = batch.validate(expectation, result_format={
        "result_format": "COMPLETE", "unexpected_index_column_names": ["raw_id"],
        "return_unexpected_index_query": False})
    return sorted({int(row["raw_id"]) for row in result.result.get("unexpected_index_list") or []})


def quarantine_failures(stage: str, result: StageResult, url: str | None = None, **params) -> dict[str, int]:
    """Move the rows behind the stage's critical failures to raw.quarantine, the expectation as
    the reason, with raw.load_batches corrected, in one transaction; returns rows moved per reason.

    Only checks with a ``quarantine_table`` take part (the raw stage's per-table checks): the
    failing run still stops at its gate, and the next run finds a clean batch."""
    from webcare.load import quarantine_rows

    os.environ[URL_ENV] = warehouse.role_url(url=url)
    checks = {f"{stage}__{c.name}": c for c in load_stage(stage).checks(**params) if c.quarantine_table}
    plan: list[tuple[str, list[int], str]] = []
    for outcome in result.outcomes:
        check = checks.get(outcome["suite_name"])
        if check is None or outcome["success"] or outcome["severity"] != "critical":
            continue
        for expectation in (e for e in check.expectations if _matches(e, outcome)):
            ids = _failing_raw_ids(stage, check, expectation, os.environ[URL_ENV])
            reason = f"{stage} gate {check.name}: {outcome['expectation_type']} on {outcome['column']}"
            plan.append((check.quarantine_table, ids, reason))
    moved: dict[str, int] = {}
    taken: set[tuple[str, int]] = set()
    # the move writes raw, the loader's: the validator finds the rows, the loader moves them
    with warehouse.acting_as("loader"), warehouse.transaction(url) as conn, conn.cursor() as cur:
        for table, ids, reason in plan:
            ids = [i for i in ids if (table, i) not in taken]  # a row failing two expectations moves once
            taken.update((table, i) for i in ids)
            if ids:
                moved[reason] = moved.get(reason, 0) + quarantine_rows(cur, table, ids, reason)
    return moved
