"""Where a marts (or staging) build's time goes, model by model and test by test, on a kept scale warehouse.

`bench/scale.py --keep` leaves each size's database and folder (`var/bench/scale/h<size>`); this
runs the daily marts build (`webcare.tasks.DBT_MARTS`, as the DAG's `dbt_marts` task runs it) on
one of them, `--repeat` times, and reads dbt's `run_results.json`: the wall time, the summed
execution time of models and of data tests, and the slowest of each. A change to the marts can be
measured at 1,000,000 raw rows in a few minutes instead of a whole harness run:

    PYTHONPATH=plugins .venv/bin/python bench/marts_build.py --size 1000000 --institutions 10 \
        --out var/bench/marts_build.json

The models, macros and tests are this checkout's (copied with the harness's seeds into
`dbt_project_current`). The build is an incremental daily build of the kept warehouse (nothing new loaded: the work a day
with no new data costs, which is the part of the daily run that grows with history).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("WEBCARE_PG_PORT", "55434")


def summarise(results: list[dict], top: int) -> dict:
    by_kind: dict[str, list[tuple[str, float]]] = {"model": [], "test": [], "other": []}
    for result in results:
        kind = result["unique_id"].split(".")[0]
        by_kind.get(kind, by_kind["other"]).append((result["unique_id"].split(".", 2)[-1],
                                                    round(result["execution_time"], 2)))
    return {kind: {"count": len(items), "seconds": round(sum(s for _, s in items), 1),
                   "slowest": dict(sorted(items, key=lambda item: -item[1])[:top])}
            for kind, items in by_kind.items() if items}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/marts_build.py", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="the kept size (raw records requested)")
    parser.add_argument("--institutions", type=int, default=100)
    parser.add_argument("--work-dir", type=Path, default=ROOT / "var" / "bench" / "scale")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--stage", choices=["marts", "staging"], default="marts",
                        help="which dbt invocation of the daily run: dbt_marts (default) or dbt_staging")
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="the checkout whose dbt project is measured (default this one; with its"
                             " plugins on PYTHONPATH, a before/after comparison of two checkouts)")
    args = parser.parse_args(argv)

    work = args.work_dir.resolve()
    home = work / f"h{args.size}"
    if not home.is_dir():
        parser.error(f"{home} does not exist: run bench/scale.py --keep --messages {args.size} first")
    os.environ["WEBCARE_HOME"] = str(work.parent)  # the harness's cluster and secrets live beside its work folder
    os.environ.setdefault("WEBCARE_SECRETS_DIR", str(work.parent / "secrets"))
    # this checkout's models with the harness's seeds (the harness's own copy stays as it ran)
    project = work / "dbt_project_current"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(args.code / "dbt_project", project,
                    ignore=shutil.ignore_patterns("target", "logs", "seeds", "dbt_packages"))
    shutil.copytree(work / "dbt_project" / "seeds", project / "seeds")
    os.environ["WEBCARE_DBT_PROJECT_DIR"] = str(project)
    from webcare.embedded_pg import default_cluster

    cluster = default_cluster()
    server_url = cluster.start()
    os.environ.setdefault("WEBCARE_PSEUDONYM_SALT", cluster.pseudonym_salt())
    os.environ["WEBCARE_HOME"] = str(home)
    from urllib.parse import urlsplit, urlunsplit

    url = urlunsplit(urlsplit(server_url)._replace(path=f"/webcare_scale_{args.institutions}i_{args.size}"))
    os.environ["WEBCARE_WAREHOUSE_URL"] = url
    from webcare import dbt, tasks

    runs = []
    for attempt in range(args.repeat):
        began = time.perf_counter()
        dbt.run(list(tasks.DBT_MARTS if args.stage == "marts" else tasks.DBT_STAGING))
        wall = time.perf_counter() - began
        results = json.loads((dbt.target_dir() / "run_results.json").read_text())["results"]
        run = {"wall_seconds": round(wall, 1), **summarise(results, args.top)}
        runs.append(run)
        print(f"build {attempt + 1}: {run['wall_seconds']} s wall; models {run['model']['seconds']} s"
              f" ({run['model']['count']}), tests {run.get('test', {}).get('seconds', 0)} s"
              f" ({run.get('test', {}).get('count', 0)})", flush=True)
        for kind in ("model", "test"):
            for name, seconds in run.get(kind, {}).get("slowest", {}).items():
                print(f"    {kind:5} {seconds:7.2f}  {name}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"size": args.size, "institutions": args.institutions, "runs": runs},
                                       indent=2) + "\n")
        print(f"results in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
