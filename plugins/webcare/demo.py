"""`make demo`: the daily pipeline end to end on generated traffic, then where to look.

Starts the embedded PostgreSQL (unless WEBCARE_WAREHOUSE_URL is set), generates 30 days of
patient messages for every institution of the seed, serves them from the fake X, Google and
Graph (Facebook, Instagram) APIs, runs the `webcare_daily` DAG once for the backfill (days 1-29)
and once more for day 30 (the incremental path), imports the generated sample export file
(`python -m webcare.imports`), and prints a KPI table and the paths of the Data Docs and dbt docs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone

from webcare import config

DEMO_START = date(2026, 3, 10)
DEMO_DAYS = 30


def say(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def configure_airflow() -> None:
    """Point Airflow at the project (before anything imports it) and create its metadata database."""
    airflow_home = config.output_dir("airflow")
    os.environ.setdefault("AIRFLOW_HOME", str(airflow_home))
    os.environ.update({
        "AIRFLOW__CORE__DAGS_FOLDER": str(config.PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(config.PROJECT_ROOT / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__PARALLELISM": "4",
        "AIRFLOW__COSMOS__CACHE_DIR": str(config.output_dir("cosmos")),
    })
    # Task logs go to var/airflow/logs; the terminal shows the demo's own progress lines.
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{airflow_home / 'airflow.db'}")
    subprocess.run([os.path.join(os.path.dirname(sys.executable), "airflow"), "db", "migrate"],
                   check=True, capture_output=True)
    from webcare.pipeline import create_pool

    create_pool()  # the one-slot pool of the build chain's tasks (webcare.pipeline)


class NotTheEmbeddedWarehouse(RuntimeError):
    """The demo was asked to reset a warehouse it did not create."""


def uses_embedded_warehouse() -> bool:
    """Whether the demo runs on the embedded cluster: neither WEBCARE_WAREHOUSE_URL nor the Airflow
    connection ``webcare_warehouse`` names a warehouse (warehouse.warehouse_url's order)."""
    from webcare import warehouse

    return not os.environ.get("WEBCARE_WAREHOUSE_URL") and not warehouse._airflow_connection_url()


def reset_embedded_warehouse(url: str) -> None:
    """Start the demo from nothing: drop what earlier demo runs left in the embedded warehouse.
    Only the embedded cluster's own database, checked by its mark (``EmbeddedCluster.is_marked``):
    anything else raises NotTheEmbeddedWarehouse before a statement runs."""
    from webcare import pseudonyms, warehouse
    from webcare.embedded_pg import default_cluster

    if not default_cluster().is_marked(url):
        raise NotTheEmbeddedWarehouse(
            "refusing to reset a warehouse the demo did not create (only the embedded cluster's own database,"
            " carrying its mark, is ever reset): unset WEBCARE_WAREHOUSE_URL and the Airflow connection"
            " webcare_warehouse to run the demo on the embedded PostgreSQL")
    with warehouse.transaction(url, admin=True) as conn, conn.cursor() as cur:
        for schema in ("raw", "staging", "intermediate", "marts_build", "marts", "marts_previous", "reference"):
            cur.execute(f"drop schema if exists {schema} cascade")
        # every pseudonym is gone with them: the cluster's salt starts afresh (webcare.pseudonyms)
        cur.execute("select to_regclass('private.settings') is not null")
        if cur.fetchone()[0]:
            cur.execute("delete from private.settings where name in (%s, %s)", (pseudonyms.FINGERPRINT, pseudonyms.LEGACY))
    warehouse._bootstrapped.cache_clear()
    warehouse.bootstrap(url)


def run_summary(url: str, run_id: str) -> str:
    from webcare import warehouse

    with warehouse.acting_as("validator"), warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("select count(*), coalesce(sum(records_received), 0), coalesce(sum(records_inserted), 0),"
                    " coalesce(sum(records_quarantined), 0) from raw.load_batches where run_id = %s", (run_id,))
        batches, received, inserted, quarantined = cur.fetchone()
    return (f"{batches} account batches, {received} records received, {inserted} new loaded, "
            f"{quarantined} quarantined")


def kpi_table(url: str) -> str:
    from webcare import warehouse

    sql = """
        with totals as (
            select institution_id, channel_id, sum(inbound_count) as inbound, sum(answered_count) as answered,
                   sum(sla_achieved_count)::float / nullif(sum(sla_measured_count), 0) as within_sla
            from marts.mart_response_kpis_monthly group by 1, 2
        ), medians as (
            select institution_id, channel_id,
                   percentile_cont(0.5) within group (order by first_response_minutes) as calendar_minutes,
                   percentile_cont(0.5) within group (order by first_response_business_minutes) as business_minutes
            from marts.fct_interactions group by 1, 2
        ), backlog as (
            select institution_id, channel_id, backlog_end_count
            from marts.mart_response_kpis_daily
            where date_day = (select max(date_day) from marts.mart_response_kpis_daily)
        )
        select i.institution_name, t.channel_id, t.inbound, t.answered,
               round(100.0 * t.answered / nullif(t.inbound, 0), 1), round(m.calendar_minutes::numeric, 0),
               round(m.business_minutes::numeric, 0), round(100 * t.within_sla::numeric, 1), b.backlog_end_count
        from totals t
        join marts.dim_institution i on i.institution_id = t.institution_id and i.is_current
        left join medians m on m.institution_id = t.institution_id and m.channel_id = t.channel_id
        left join backlog b on b.institution_id = t.institution_id and b.channel_id = t.channel_id
        order by 1, 2"""
    with warehouse.acting_as("bi"), warehouse.transaction(url) as conn, conn.cursor() as cur:  # what BI sees
        cur.execute(sql)
        rows = cur.fetchall()
    header = ("institution", "channel", "inbound", "answered", "reply %", "median min", "median biz min",
              "within SLA %", "backlog")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(v if v is not None else "-").ljust(w) for v, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=DEMO_DAYS)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    started = time.monotonic()
    say("preparing Airflow (metadata database in var/airflow)")
    configure_airflow()

    from webcare import warehouse
    from webcare.accounts import institutions
    from webcare.fakes.server import FakeApis
    from webcare.generator import generate

    embedded = uses_embedded_warehouse()
    say("warehouse: " + ("starting the embedded PostgreSQL" if embedded
                         else "using the configured warehouse (WEBCARE_WAREHOUSE_URL or the Airflow connection"
                              " webcare_warehouse), not reset"))
    url = warehouse.warehouse_url()
    if embedded:
        reset_embedded_warehouse(url)
    say(f"generating {args.days} days of patient messages for {len(institutions())} institutions")
    dataset = generate(config.output_dir("demo", "dataset"), institutions=len(institutions()), days=args.days,
                       start=DEMO_START, seed=args.seed)
    manifest = json.loads((dataset / "manifest.json").read_text())
    say("starting the fake X, Google Business Profile and Facebook/Instagram Graph APIs")
    apis = FakeApis(dataset).start()
    os.environ["AIRFLOW_CONN_WEBCARE_X_API"] = json.dumps(
        {"conn_type": "http", "host": apis.x_base_url, "password": "demo-bearer-token"})
    os.environ["AIRFLOW_CONN_WEBCARE_GOOGLE_API"] = json.dumps(
        {"conn_type": "http", "host": apis.google_base_url, "password": "demo-access-token"})
    os.environ["AIRFLOW_CONN_WEBCARE_GRAPH_API"] = json.dumps(
        {"conn_type": "http", "host": apis.base_url, "password": "demo-page-access-token"})
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(config.PROJECT_ROOT / "dags")).get_dag("webcare_daily")
    window_end = datetime.fromisoformat(manifest["window_end"].replace("Z", "+00:00")).astimezone(timezone.utc)
    try:
        for step, cutoff in enumerate((window_end - timedelta(days=1), window_end), start=1):
            label = "backfill of everything so far" if step == 1 else "next day, incremental"
            say(f"DAG run {step}/2: webcare_daily for {(cutoff - timedelta(days=1)).date()} ({label})")
            apis.set_clock(cutoff)
            step_started = time.monotonic()
            run = dag.test(logical_date=cutoff)
            print(f"    {run.state} in {time.monotonic() - step_started:.0f} s: {run_summary(url, run.run_id)}")
            if run.state != "success":
                print("DAG run failed: see the task logs in var/airflow/logs", file=sys.stderr)
                return 1
    finally:
        apis.stop()

    export = dataset / "exports" / "twcs_hsn.csv"  # written by the generator
    say("importing a sample export from another tool: 7 days of HSN's X history before the API window, in the\n"
        "  'Customer Support on Twitter' format, with the defects real exports have (python -m webcare.imports)")
    from webcare.imports.__main__ import main as import_main

    if import_main([str(export), "--mapping", "customer_support_on_twitter", "--institution", "hsn"]) != 0:
        print("the import failed: see above", file=sys.stderr)
        return 1

    say("response KPIs over the whole period (marts.mart_response_kpis_monthly, fct_interactions)")
    print(kpi_table(url))
    from webcare.dbt import target_dir
    from webcare.validate import docs_index

    from webcare import report

    picture = report.build(url)
    from webcare import quality_report

    quality_report.build_index()  # now that the KPI picture exists, link it
    say(f"done in {time.monotonic() - started:.0f} s")
    parts = warehouse.url_parts(url)
    print(f"""
  Warehouse      psql 'postgresql://{parts['user']}@{parts['host']}:{parts['port']}/{parts['dbname']}'  (password in {config.home() / 'pg' / 'password'})
                 schemas: raw, staging, intermediate, marts (BI), reference
  Start here     {config.output_dir("reports") / "index.html"}  (quality reports, Data Docs, dbt docs)
  KPI picture    {picture}
  Data Docs      {docs_index()}
  dbt docs       {target_dir() / 'static_index.html'}  (or: cd dbt_project && dbt docs serve)
  Ground truth   {dataset / 'ground_truth.csv'}
  Imported file  {export}  (rejected rows: raw.quarantine where source = 'imported_messages')
  Stop the database with `make stop`.""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
