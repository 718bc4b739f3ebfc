"""The README's monthly question (reply rate and median first response per institution, channel and
month) answered from the published marts, against the same answer computed from staging through
the project's own intermediate views (what a warehouse without marts would run). Both answers must
be equal, value for value; the ratio of their times is the figure (issue 12: >= 100x at 1,000,000
messages). Called by bench/scale.py for each history size; runnable alone:

    PYTHONPATH=plugins .venv/bin/python bench/kpi_question.py      # the warehouse of WEBCARE_WAREHOUSE_URL
"""
from __future__ import annotations

import math
import time

FROM_MARTS = """
    select institution_id, channel_id, month_start, inbound_count, answered_count,
           median_first_response_minutes
    from marts.mart_response_kpis_monthly
    where inbound_count > 0
    order by 1, 2, 3"""

# the definitions of docs/metrics.md, on the views dbt builds over staging (no mart, no table):
# each message's first reply by its institution before the as-of instant, as
# int_messages_joined_to_first_reply defines it, over the union of the channels' own views
# (int_<channel>__messages, int_<channel>__replies) as int_inbound_messages_unioned and
# int_responses_unioned make it (tables since issue 12, so not read here)
FROM_STAGING = """
    with as_of as (select as_of from intermediate.int_warehouse_as_of),
    responses as ({replies}),
    first_replies as (
        select responses.message_id, responses.institution_id, min(responses.responded_at) as first_response_at
        from responses cross join as_of
        where responses.responded_at < as_of.as_of
        group by 1, 2),
    unioned as ({messages}),
    messages as (
        select unioned.institution_id, unioned.channel_id,
               (unioned.created_at at time zone institutions.time_zone)::date as local_date,
               first_replies.first_response_at is not null as is_answered,
               case when first_replies.first_response_at >= unioned.created_at
                    then extract(epoch from first_replies.first_response_at - unioned.created_at) / 60.0
               end as first_response_minutes
        from unioned
        inner join staging.stg_webcare__institutions as institutions using (institution_id)
        left join first_replies using (message_id, institution_id)
        where unioned.created_at < (select as_of from as_of))
    select institution_id, channel_id, date_trunc('month', local_date)::date as month_start,
           count(*) as inbound_count, count(*) filter (where is_answered) as answered_count,
           percentile_cont(0.5) within group (order by first_response_minutes)
               filter (where first_response_minutes is not null) as median_first_response_minutes
    from messages
    group by 1, 2, 3
    order by 1, 2, 3"""


def channels() -> list[str]:
    """The var ``channel_mappings`` of the dbt project the warehouse was built with."""
    import yaml

    from webcare import config

    project = yaml.safe_load((config.DBT_PROJECT_DIR / "dbt_project.yml").read_text())
    return list(project["vars"]["channel_mappings"])


def from_staging_sql() -> str:
    union = " union all ".join
    return FROM_STAGING.format(
        messages=union(f"select * from intermediate.int_{c}__messages" for c in channels()),
        replies=union(f"select * from intermediate.int_{c}__replies" for c in channels()))


def _timed(cur, sql: str, repeat: int) -> tuple[float, list]:
    best, rows = math.inf, []
    for _ in range(repeat):
        started = time.perf_counter()
        cur.execute(sql)
        rows = cur.fetchall()
        best = min(best, time.perf_counter() - started)
    return best, rows


def _same(a: list, b: list) -> bool:
    if len(a) != len(b):
        return False
    for left, right in zip(a, b):
        for x, y in zip(left, right):
            if isinstance(x, float) or isinstance(y, float):
                if (x is None) != (y is None) or (x is not None and not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-6)):
                    return False
            elif x != y:
                return False
    return True


def measure(url: str, repeat: int = 3) -> dict:
    """Seconds of each answer (best of ``repeat``), their ratio, and whether they agree."""
    from webcare import warehouse

    conn = warehouse.connect(url, statement_timeout="0")
    try:
        with conn.cursor() as cur:
            marts_seconds, from_marts = _timed(cur, FROM_MARTS, repeat)
            staging_seconds, from_staging = _timed(cur, from_staging_sql(), max(1, repeat // 2))
    finally:
        conn.close()
    return {"rows": len(from_marts), "marts_seconds": marts_seconds, "staging_seconds": staging_seconds,
            "staging_over_marts": staging_seconds / marts_seconds if marts_seconds else None,
            "answers_equal": _same(from_marts, from_staging)}


if __name__ == "__main__":
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))
    from webcare import warehouse

    print(json.dumps(measure(warehouse.warehouse_url()), indent=1))
