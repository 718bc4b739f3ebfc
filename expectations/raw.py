"""Raw stage: the records one run loaded (the day's batch), per source, as the APIs sent them.

Each per-table check selects ``raw_id`` and names its ``quarantine_table``: when a critical
expectation fails, the gate moves the failing rows to ``raw.quarantine`` with the expectation as
the reason (webcare.validate.quarantine_failures), so the run stops here and the next is clean."""
from __future__ import annotations

import great_expectations.expectations as gxe

from webcare.validate import Check

RFC3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$"
TWEET_ID = r"^[0-9]{1,19}$"
REVIEW_NAME = r"^accounts/[^/]+/locations/[^/]+/reviews/[^/]+$"
GRAPH_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$"  # 2026-03-23T10:15:00+0000
FACEBOOK_COMMENT_ID = r"^[0-9]+_[0-9]+$"
DIGITS = r"^[0-9]+$"
# A record may not be written after we read it (a little leeway for clock differences).
FUTURE_LEEWAY_SECONDS = 300


def _seconds_after_extraction(field: str, pattern: str = RFC3339) -> str:
    return (f"case when payload ->> '{field}' ~ '{pattern}' then extract(epoch from "
            f"(payload ->> '{field}')::timestamptz - extracted_at) end")


def _x_check(table: str, batch_date: str) -> Check:
    return Check(
        name=f"raw_{table}",
        quarantine_table=table,
        query=f"""select raw_id, record_key, account_id, payload ->> 'author_id' as author_id,
                         payload ->> 'created_at' as created_at,
                         {_seconds_after_extraction('created_at')} as created_seconds_after_extraction
                  from raw.{table} where batch_date = '{batch_date}'""",
        expectations=[
            gxe.ExpectColumnValuesToNotBeNull(column="record_key"),
            gxe.ExpectColumnValuesToMatchRegex(column="record_key", regex=TWEET_ID),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["account_id", "record_key"]),
            gxe.ExpectColumnValuesToNotBeNull(column="author_id"),
            gxe.ExpectColumnValuesToMatchRegex(column="created_at", regex=RFC3339),
            gxe.ExpectColumnValuesToBeBetween(column="created_seconds_after_extraction",
                                              max_value=FUTURE_LEEWAY_SECONDS),
        ],
    )


def _google_check(batch_date: str) -> Check:
    return Check(
        name="raw_google_reviews",
        quarantine_table="google_reviews",
        query=f"""select raw_id, record_key, account_id, payload ->> 'starRating' as star_rating,
                         payload ->> 'createTime' as create_time, payload ->> 'updateTime' as update_time,
                         {_seconds_after_extraction('updateTime')} as updated_seconds_after_extraction
                  from raw.google_reviews where batch_date = '{batch_date}'""",
        expectations=[
            gxe.ExpectColumnValuesToNotBeNull(column="record_key"),
            gxe.ExpectColumnValuesToMatchRegex(column="record_key", regex=REVIEW_NAME),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["account_id", "record_key", "update_time"]),
            gxe.ExpectColumnValuesToBeInSet(column="star_rating",
                                            value_set=["ONE", "TWO", "THREE", "FOUR", "FIVE"]),
            gxe.ExpectColumnValuesToMatchRegex(column="create_time", regex=RFC3339),
            gxe.ExpectColumnValuesToMatchRegex(column="update_time", regex=RFC3339),
            gxe.ExpectColumnValuesToBeBetween(column="updated_seconds_after_extraction",
                                              max_value=FUTURE_LEEWAY_SECONDS),
        ],
    )


def _graph_check(table: str, time_field: str, id_regex: str, parent_field: str, batch_date: str) -> Check:
    """Facebook and Instagram comments: ids, the object read under, author, Graph time, no future."""
    container = "post_id" if table.startswith("facebook") else "media_id"
    return Check(
        name=f"raw_{table}",
        quarantine_table=table,
        query=f"""select raw_id, record_key, account_id, payload ->> '{container}' as container_id,
                         payload ->> '{time_field}' as created_time,
                         payload #>> '{parent_field}' as parent_id,
                         {_seconds_after_extraction(time_field, GRAPH_TIME)} as created_seconds_after_extraction
                  from raw.{table} where batch_date = '{batch_date}'""",
        expectations=[
            gxe.ExpectColumnValuesToNotBeNull(column="record_key"),
            gxe.ExpectColumnValuesToMatchRegex(column="record_key", regex=id_regex),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["account_id", "record_key"]),
            gxe.ExpectColumnValuesToNotBeNull(column="container_id"),
            gxe.ExpectColumnValuesToMatchRegex(column="parent_id", regex=id_regex),
            gxe.ExpectColumnValuesToMatchRegex(column="created_time", regex=GRAPH_TIME),
            gxe.ExpectColumnValuesToBeBetween(column="created_seconds_after_extraction",
                                              max_value=FUTURE_LEEWAY_SECONDS),
        ],
    )


def _facebook_ratings_check(batch_date: str) -> Check:
    return Check(
        name="raw_facebook_ratings",
        quarantine_table="facebook_ratings",
        query=f"""select raw_id, record_key, account_id, payload ->> 'recommendation_type' as recommendation_type,
                         payload ->> 'created_time' as created_time
                  from raw.facebook_ratings where batch_date = '{batch_date}'""",
        expectations=[
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["account_id", "record_key", "recommendation_type",
                                                             "created_time"]),
            gxe.ExpectColumnValuesToBeInSet(column="recommendation_type", value_set=["positive", "negative"]),
            gxe.ExpectColumnValuesToMatchRegex(column="created_time", regex=GRAPH_TIME),
        ],
    )


def _imported_check(batch_date: str) -> Check:
    """Imported neutral records: a channel of the seed, RFC 3339 times, replies that name their message."""
    return Check(
        name="raw_imported_messages",
        quarantine_table="imported_messages",
        query=f"""select raw_id, record_key, account_id, payload_sha256, payload ->> 'channel' as channel,
                         payload ->> 'created_at' as created_at,
                         (payload ->> 'is_institution')::boolean as is_institution,
                         payload ->> 'in_reply_to_id' as in_reply_to_id
                  from raw.imported_messages where batch_date = '{batch_date}'""",
        expectations=[
            # a changed export file adds a new version of a record: unique per version
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["account_id", "record_key", "payload_sha256"]),
            gxe.ExpectColumnValuesToMatchRegex(column="created_at", regex=RFC3339),
            gxe.ExpectColumnValuesToNotBeNull(column="channel"),
            gxe.ExpectColumnValuesToNotBeNull(column="is_institution"),
        ],
    )


# Volume: messages written on the run's day per account against the account's trailing 7-day
# average, once it has one of at least MIN_AVERAGE a day. Silence or a tenfold spike is a warning.
MIN_AVERAGE = 5
SPIKE = 10


def _volume_check(table: str, created_field: str, batch_date: str) -> Check:
    return Check(
        name=f"raw_volume_{table}",
        query=f"""
            with accounts as (
                select distinct account_id from raw.load_batches
                where source = '{table}' and batch_date = '{batch_date}'
            ), days as (
                select account_id, ((payload ->> '{created_field}')::timestamptz at time zone 'UTC')::date as day,
                       count(distinct record_key) as messages
                from raw.{table}
                where (payload ->> '{created_field}')::timestamptz >= date '{batch_date}' - 7
                  and (payload ->> '{created_field}')::timestamptz < date '{batch_date}' + 1
                group by 1, 2
            ), stats as (
                select accounts.account_id,
                       coalesce(sum(days.messages) filter (where days.day = '{batch_date}'), 0) as messages_today,
                       coalesce(sum(days.messages) filter (where days.day < '{batch_date}'), 0) / 7.0 as trailing_average
                from accounts left join days using (account_id)
                group by 1
            )
            select account_id, messages_today, trailing_average,
                   case when trailing_average >= {MIN_AVERAGE} then messages_today / trailing_average end
                       as volume_ratio
            from stats""",
        expectations=[
            gxe.ExpectColumnValuesToBeBetween(column="volume_ratio", min_value=0.000001, max_value=SPIKE,
                                              severity="warning"),
        ],
    )


def checks(batch_date: str) -> list[Check]:
    return [_x_check("x_mentions", batch_date), _x_check("x_tweets", batch_date), _google_check(batch_date),
            _graph_check("facebook_comments", "created_time", FACEBOOK_COMMENT_ID, "{parent,id}", batch_date),
            _facebook_ratings_check(batch_date),
            _graph_check("instagram_comments", "timestamp", DIGITS, "{parent_id}", batch_date),
            _imported_check(batch_date),
            _volume_check("x_mentions", "created_at", batch_date),
            _volume_check("google_reviews", "createTime", batch_date),
            _volume_check("facebook_comments", "created_time", batch_date),
            _volume_check("instagram_comments", "timestamp", batch_date)]
