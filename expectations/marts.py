"""Marts stage: the freshly built marts (schema marts_build), before publishing.

With the run's batch date (the DAG's gate) the checks read what the build changed, not whole
tables (issue 12): the messages the SLA model measured in its latest build
(int_messages_sla_measured.measured_at: new messages and those whose inputs changed, such as a
late reply) and every message written in the maximum backlog age before the batch date (edits,
deletions, labels, the SLA clocks still running), with their backlog rows and the KPI periods
that hold them. Older unanswered messages, re-evaluated at each as-of instant, change only their
elapsed minutes and pending status: the daily gate does not read them again (`webcare.validate.run_stage("marts")`
without a batch date reads every row). Uniqueness over whole tables
is the marts' primary keys' (enforced by PostgreSQL: contracts). The reconciliation of staging
with the facts stays whole-table: it is two counts per channel, and a record lost from an old
month is exactly what it is there to catch. Without a batch date (a manual check) every row.
"""
from __future__ import annotations

from datetime import date, timedelta

import great_expectations.expectations as gxe

from webcare.validate import Check

SCHEMA = "marts_build"
KPI_MARTS = {"mart_response_kpis_daily": "date_day", "mart_response_kpis_weekly": "week_start",
             "mart_response_kpis_monthly": "month_start"}
PERIOD_UNITS = {"date_day": "day", "week_start": "week", "month_start": "month"}


def _backlog_max_age_days() -> int:
    """The dbt var backlog_max_age_days (dbt_project.yml, its one definition)."""
    import yaml

    from webcare import config

    project = yaml.safe_load((config.DBT_PROJECT_DIR / "dbt_project.yml").read_text())
    return int(project["vars"]["backlog_max_age_days"])


def changed_messages(batch_date: str | None) -> str | None:
    """SQL selecting the message_id of what the build changed (see the module), or None: every row."""
    if not batch_date:
        return None
    since = date.fromisoformat(batch_date) - timedelta(days=_backlog_max_age_days() + 1)
    return f"""select message_id from intermediate.int_messages_sla_measured
               where measured_at = (select max(measured_at) from intermediate.int_messages_sla_measured)
               union
               select message_id from {SCHEMA}.fct_interactions where date_day >= date '{since.isoformat()}'"""


def _where(column: str, changed: str | None, as_array: bool = True) -> str:
    """The filter of a check to the changed messages. A column compared with an array, not
    `in (subquery)`: the planner then filters the intervals under the backlog view by it instead of
    expanding every message's days first (that check at 1 M messages: 19.6 s, 0.7 s as an array,
    the same rows). An expression over a full join is the opposite (`= any(array)` is evaluated
    row by row, 63 s against 2 s): ``as_array=False`` keeps the semi-join."""
    if not changed:
        return ""
    return f"where {column} = any(array({changed}))" if as_array else f"where {column} in ({changed})"


def _kpi_check(table: str, period: str, changed: str | None) -> Check:
    unit = PERIOD_UNITS[period]
    periods = (f"where ({period}, institution_id, channel_id) in (select cast(date_trunc('{unit}', date_day) as date),"
               f" institution_id, channel_id from {SCHEMA}.fct_interactions {_where('message_id', changed)})"
               if changed else "")
    return Check(
        name=f"marts_{table}",
        query=f"select * from {SCHEMA}.{table} {periods}",
        expectations=[
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["institution_id", "channel_id", period]),
            gxe.ExpectColumnValuesToNotBeNull(column=period),
            gxe.ExpectColumnValuesToBeBetween(column="inbound_count", min_value=0),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="inbound_count", column_B="answered_count",
                                                        or_equal=True),
            gxe.ExpectColumnValuesToBeBetween(column="response_rate", min_value=0, max_value=1),
            gxe.ExpectColumnValuesToBeBetween(column="pct_within_sla", min_value=0, max_value=1),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="sla_measured_count", column_B="sla_achieved_count",
                                                        or_equal=True),
            gxe.ExpectColumnValuesToBeBetween(column="sla_pending_count", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="sla_no_schedule_count", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="median_first_response_minutes", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="median_first_response_business_minutes", min_value=0),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="p90_first_response_minutes", column_B="median_first_response_minutes", or_equal=True,
                ignore_row_if="either_value_is_missing"),
            gxe.ExpectColumnValuesToBeBetween(column="backlog_end_count", min_value=0),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="backlog_end_count",
                                                        column_B="backlog_end_past_sla_count", or_equal=True),
            gxe.ExpectColumnValuesToBeBetween(column="backlog_expired_count", min_value=0),
        ],
    )


def checks(batch_date: str | None = None) -> list[Check]:
    """What the build of the run's batch date changed (whole tables without one)."""
    changed = changed_messages(batch_date)
    return [
        Check(
            name="marts_fct_interactions",
            query=f"""select message_id, channel_id, institution_id, is_answered, first_response_minutes,
                             first_response_business_minutes, sla_elapsed_minutes, sla_status, star_rating,
                             first_response_business_minutes - first_response_minutes as business_excess_minutes,
                             extract(epoch from created_at - now()) as created_seconds_from_now,
                             channel_id in (select channel_id from reference.channels) as known_channel
                      from {SCHEMA}.fct_interactions {_where('message_id', changed)}""",
            expectations=[
                gxe.ExpectColumnValuesToNotBeNull(column="message_id"),
                gxe.ExpectColumnValuesToBeUnique(column="message_id"),
                gxe.ExpectColumnValuesToNotBeNull(column="institution_id"),
                gxe.ExpectColumnValuesToBeInSet(column="known_channel", value_set=[True]),  # the channels seed
                gxe.ExpectColumnValuesToNotBeNull(column="is_answered"),
                gxe.ExpectColumnValuesToBeBetween(column="first_response_minutes", min_value=0),
                gxe.ExpectColumnValuesToBeBetween(column="first_response_business_minutes", min_value=0),
                # business minutes are a part of calendar minutes (to float rounding): more means
                # overlapping schedules
                gxe.ExpectColumnValuesToBeBetween(column="business_excess_minutes", max_value=0.001),
                gxe.ExpectColumnValuesToBeBetween(column="sla_elapsed_minutes", min_value=0),
                gxe.ExpectColumnValuesToBeInSet(column="sla_status",
                                                value_set=["achieved", "breached", "pending", "no_schedule", "deleted"]),
                gxe.ExpectColumnValuesToBeBetween(column="star_rating", min_value=1, max_value=5),
                gxe.ExpectColumnValuesToBeBetween(column="created_seconds_from_now", max_value=0),
            ],
        ),
        Check(
            # a backlog row is measured before its message left the backlog (docs/metrics.md#backlog):
            # before its expiry, and before its closing when closed
            name="marts_fct_backlog_daily",
            query=f"""select d.backlog_row_id, d.age_minutes, d.is_past_sla,
                             extract(epoch from i.expires_at - d.measured_at) as seconds_before_expiry,
                             extract(epoch from i.closed_at - d.measured_at) as seconds_before_closing
                      from {SCHEMA}.fct_backlog_daily d
                      left join {SCHEMA}.fct_backlog_intervals i using (message_id)
                      {_where('d.message_id', changed)}""",
            expectations=[gxe.ExpectColumnValuesToBeUnique(column="backlog_row_id"),  # a view: no primary key
                          gxe.ExpectColumnValuesToBeBetween(column="age_minutes", min_value=0),
                          gxe.ExpectColumnValuesToNotBeNull(column="is_past_sla"),
                          gxe.ExpectColumnValuesToNotBeNull(column="seconds_before_expiry"),  # every row has its interval
                          gxe.ExpectColumnValuesToBeBetween(column="seconds_before_expiry", min_value=0, strict_min=True),
                          gxe.ExpectColumnValuesToBeBetween(column="seconds_before_closing", min_value=0, strict_min=True)],
        ),
        Check(
            # one interval per message, closing neither before it opens nor after its expiry
            name="marts_fct_backlog_intervals",
            query=f"""select i.message_id, i.close_reason,
                             (i.closed_at is null) = (i.close_reason is null) as reason_iff_closed,
                             extract(epoch from i.closed_at - i.opened_at) as open_seconds,
                             extract(epoch from i.expires_at - i.closed_at) as seconds_before_expiry,
                             f.message_id is not null as has_interaction
                      from {SCHEMA}.fct_backlog_intervals i
                      full join {SCHEMA}.fct_interactions f using (message_id)
                      {_where('coalesce(i.message_id, f.message_id)', changed, as_array=False)}""",
            expectations=[gxe.ExpectColumnValuesToNotBeNull(column="message_id"),
                          gxe.ExpectColumnValuesToBeUnique(column="message_id"),
                          gxe.ExpectColumnValuesToBeInSet(column="has_interaction", value_set=[True]),
                          gxe.ExpectColumnValuesToBeInSet(column="reason_iff_closed", value_set=[True]),
                          gxe.ExpectColumnValuesToBeInSet(column="close_reason",
                                                          value_set=["answered", "deleted", "expired"]),
                          gxe.ExpectColumnValuesToBeBetween(column="open_seconds", min_value=0),
                          gxe.ExpectColumnValuesToBeBetween(column="seconds_before_expiry", min_value=0)],
        ),
        *[_kpi_check(table, period, changed) for table, period in KPI_MARTS.items()],
        Check(
            # Staging to facts, per source: every staged message of a known institution is one
            # fact row (X: not the institution's own posts, an edited post once; Google: one row per review; Facebook and
            # Instagram: top-level comments not by the institution; imports: patients' messages),
            # written before the warehouse's as-of instant (later ones wait for the next run).
            name="marts_reconciliation",
            query=f"""
                with as_of as (select as_of from intermediate.int_warehouse_as_of),
                staged as (
                    -- X: the API's posts and the imported ones with X's own ids (mapping platform_ids), each once
                    select 'x' as channel_id, count(*) as staged from (
                        select i.institution_id, m.original_tweet_id as tweet_id
                        from staging.stg_x__mentions m
                        join staging.stg_webcare__institutions i on i.x_user_id = m.mentioned_user_id
                        where not m.is_self_mention and m.created_at < (select as_of from as_of)
                        union
                        select a.institution_id, coalesce(versions.original_tweet_id, m.platform_message_id)
                        from staging.stg_imports__messages m
                        join intermediate.int_institution_accounts a on a.account_id = m.account_id
                        -- an edited post's versions (a join, not a lookup per imported message)
                        left join (select distinct on (version_id) version_id, x.original_tweet_id
                                   from staging.stg_x__mentions x
                                   cross join unnest(x.edit_history_tweet_ids) as version_id
                                   order by version_id, x.original_tweet_id) as versions
                            on versions.version_id = m.platform_message_id
                        where m.channel_id = 'x' and m.platform_message_id is not null and not m.is_institution
                          and m.created_at < (select as_of from as_of)
                    ) as posts
                    union all
                    select 'google', count(distinct (r.location_name, r.review_name))
                    from staging.stg_google__reviews r
                    join {SCHEMA}.dim_institution i on i.google_location_name = r.location_name and i.is_current
                    where r.created_at < (select as_of from as_of)
                    union all
                    select 'facebook', count(*)
                    from staging.stg_facebook__comments c
                    join staging.stg_webcare__institutions i on i.facebook_page_id = c.page_id
                    where c.parent_comment_id is null and not c.is_by_page and c.created_at < (select as_of from as_of)
                    union all
                    select 'instagram', count(*)
                    from staging.stg_instagram__comments c
                    join staging.stg_webcare__institutions i on i.instagram_user_id = c.ig_user_id
                    where c.parent_comment_id is null and not c.is_by_account
                      and c.created_at < (select as_of from as_of)
                    union all
                    select 'imported', count(*)
                    from staging.stg_imports__messages m
                    join intermediate.int_institution_accounts a on a.account_id = m.account_id
                    where not m.is_institution and m.platform_message_id is null
                      and m.created_at < (select as_of from as_of)
                ), facts as (
                    -- imported messages keep the channel of their export; their native id is <mapping>:<id>
                    -- (with the platform's own ids, the post's id: counted with the API's)
                    select case when native_id ~ '^[a-z0-9_]+:' then 'imported' else channel_id end as channel_id,
                           count(*) as facts
                    from {SCHEMA}.fct_interactions group by 1
                )
                select staged.channel_id, coalesce(facts.facts, 0) - staged.staged as facts_minus_staged
                from staged left join facts using (channel_id)""",
            expectations=[gxe.ExpectColumnValuesToBeBetween(column="facts_minus_staged", min_value=0, max_value=0)],
        ),
    ]
