"""Staging stage: types, keys and pseudonyms of the day's staged records, no identity left, and
the reconciliation of every raw record with the loader's counts and with staging."""
from __future__ import annotations

import great_expectations.expectations as gxe

from webcare.validate import Check

PSEUDONYM = r"^[0-9a-f]{64}$"
# Columns that would carry a person's identity; staging must have turned them into pseudonyms.
IDENTITY_COLUMNS = ["author_id", "username", "author_username", "display_name", "displayname",
                    "reviewer_name", "reviewer_display_name", "profile_photo_url", "name"]


# Sources staged one row per record (its latest version): (raw table, staging model).
LATEST_VERSION_SOURCES = [("facebook_comments", "stg_facebook__comments"), ("facebook_ratings", "stg_facebook__ratings"),
                          ("instagram_comments", "stg_instagram__comments"), ("imported_messages", "stg_imports__messages")]


def _latest_version_rows(table: str, batch_date: str) -> str:
    """The day's raw rows, and those of its records whose latest version that day loaded (what
    staging keeps): a later version of the same record, in any batch, supersedes it."""
    return f"""select '{table}' as source, batch_date, count(*) as raw_rows,
                      count(*) filter (where not exists (
                          select 1 from raw.{table} later
                          where later.account_id = r.account_id and later.record_key = r.record_key
                            and (later.loaded_at, later.raw_id) > (r.loaded_at, r.raw_id))) as raw_records
               from raw.{table} r where batch_date = '{batch_date}'
               group by 2"""


# The people behind the day's raw records, by value: the platforms' ids of private persons (not the
# institutions' own accounts) and their display names. No staging column may hold one of them, whole
# or inside a longer id (a Facebook rating's key was `<page>_<reviewer id>`); names must not be a
# column's whole value (a text may name its own author: redaction is another check's business). Ids
# shorter than 10 characters are not the platforms' (X's and Graph's have 15-19 digits) but an export's
# own numbering, which other ids of the same export contain or equal by chance: they are left out.
_IDENTITIES = """
    select payload ->> 'author_id' as id, null::text as name from raw.x_mentions
    where batch_date = '{d}' and payload ->> 'author_id' is distinct from account_id
    union select payload #>> '{{from,id}}', payload #>> '{{from,name}}' from raw.facebook_comments
    where batch_date = '{d}' and payload #>> '{{from,id}}' is distinct from account_id
    union select payload #>> '{{from,id}}', payload ->> 'username' from raw.instagram_comments
    where batch_date = '{d}' and payload #>> '{{from,id}}' is distinct from account_id
    union select payload #>> '{{reviewer,id}}', payload #>> '{{reviewer,name}}' from raw.facebook_ratings
    where batch_date = '{d}'
    union select null, payload #>> '{{reviewer,displayName}}' from raw.google_reviews where batch_date = '{d}'
    union select payload ->> 'author_id', null from raw.imported_messages
    where batch_date = '{d}' and not coalesce((payload ->> 'is_institution')::boolean, false)
"""


def _identity_values_check(batch_date: str) -> Check:
    """Every text column of every staging model with a batch day: how many of the day's rows hold a
    person's platform id (a whole value, or inside one, for ids of 10+ characters) or display name."""
    identities = _IDENTITIES.format(d=batch_date)
    count = ("select count(*) as n from staging.%I as staged where staged.batch_date = %L and exists ("
             "select 1 from (" + identities + ") as person(id, name) where "
             "(length(person.id) >= 10 and strpos(staged.%I, person.id) > 0) or staged.%I = person.name)")
    return Check(
        name="staging_no_identity_values",
        query=f"""select c.table_name || '.' || c.column_name as staged_column,
                         (xpath('/row/n/text()', query_to_xml(format($q${count}$q$, c.table_name, '{batch_date}',
                                                                     c.column_name, c.column_name),
                                                              false, true, '')))[1]::text::bigint as identity_values
                  from information_schema.columns c
                  where c.table_schema = 'staging' and c.data_type in ('text', 'character varying')
                    and exists (select 1 from information_schema.columns b where b.table_schema = 'staging'
                                and b.table_name = c.table_name and b.column_name = 'batch_date')""",
        expectations=[gxe.ExpectColumnValuesToBeInSet(column="identity_values", value_set=[0])],
    )


def _comments_check(model: str, account: str, batch_date: str, hidden: bool = False) -> Check:
    return Check(
        name=f"staging_{model.removeprefix('stg_').replace('__', '_')}",
        query=f"""select comment_id, {account} as account_id, parent_comment_id, author_pseudonym, created_at
                  from staging.{model} where batch_date = '{batch_date}'""",
        expectations=[
            gxe.ExpectColumnValuesToNotBeNull(column="comment_id"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["account_id", "comment_id"]),
            gxe.ExpectColumnValuesToMatchRegex(column="author_pseudonym", regex=PSEUDONYM),
            gxe.ExpectColumnValuesToNotBeNull(column="created_at"),
        ],
    )


def checks(batch_date: str) -> list[Check]:
    return [
        _comments_check("stg_facebook__comments", "page_id", batch_date),
        _comments_check("stg_instagram__comments", "ig_user_id", batch_date),
        Check(
            # an imported record whose account names no institution (seed or registered) would vanish from the marts
            name="staging_imports_accounts",
            query=f"""select imported.record_key, imported.account_id, imported.channel_id,
                             exists (select 1 from staging.stg_webcare__institutions i
                                     where imported.account_id in (i.institution_id, i.x_user_id, i.x_username,
                                                                   i.google_location_id, i.facebook_page_id,
                                                                   i.instagram_user_id)
                                        or imported.account_id = 'accounts/' || i.google_account_id
                                                                 || '/locations/' || i.google_location_id)
                                 as names_an_institution,
                             imported.channel_id in (select channel_id from reference.channels) as known_channel
                      from staging.stg_imports__messages as imported where batch_date = '{batch_date}'""",
            expectations=[
                gxe.ExpectColumnValuesToBeInSet(column="names_an_institution", value_set=[True]),
                gxe.ExpectColumnValuesToBeInSet(column="known_channel", value_set=[True]),
            ],
        ),
        Check(
            name="staging_x_mentions",
            query=f"""select tweet_id, mentioned_user_id, author_pseudonym, created_at
                      from staging.stg_x__mentions where batch_date = '{batch_date}'""",
            expectations=[
                gxe.ExpectColumnValuesToNotBeNull(column="tweet_id"),
                gxe.ExpectCompoundColumnsToBeUnique(column_list=["mentioned_user_id", "tweet_id"]),
                gxe.ExpectColumnValuesToMatchRegex(column="author_pseudonym", regex=PSEUDONYM),
                gxe.ExpectColumnValuesToNotBeNull(column="author_pseudonym"),
                gxe.ExpectColumnValuesToNotBeNull(column="created_at"),
            ],
        ),
        Check(
            name="staging_x_replies",
            query=f"""select reply_tweet_id, institution_user_id, replied_to_tweet_id, created_at
                      from staging.stg_x__replies where batch_date = '{batch_date}'""",
            expectations=[
                gxe.ExpectCompoundColumnsToBeUnique(column_list=["institution_user_id", "reply_tweet_id"]),
                gxe.ExpectColumnValuesToNotBeNull(column="replied_to_tweet_id"),
                gxe.ExpectColumnValuesToNotBeNull(column="created_at"),
            ],
        ),
        Check(
            name="staging_google_reviews",
            query=f"""select review_name, location_name, review_version_id, reviewer_pseudonym, star_rating,
                             created_at, updated_at
                      from staging.stg_google__reviews where batch_date = '{batch_date}'""",
            expectations=[
                gxe.ExpectColumnValuesToNotBeNull(column="review_name"),
                gxe.ExpectCompoundColumnsToBeUnique(column_list=["location_name", "review_name", "review_version_id"]),
                gxe.ExpectColumnValuesToMatchRegex(column="reviewer_pseudonym", regex=PSEUDONYM),
                gxe.ExpectColumnValuesToBeInSet(column="star_rating", value_set=[1, 2, 3, 4, 5]),
                gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="updated_at", column_B="created_at",
                                                            or_equal=True),
            ],
        ),
        _identity_values_check(batch_date),
        Check(
            name="staging_no_identity_columns",
            query="""select table_name, lower(column_name) as column_name from information_schema.columns
                     where table_schema = 'staging'""",
            expectations=[gxe.ExpectColumnValuesToNotBeInSet(column="column_name", value_set=IDENTITY_COLUMNS)],
        ),
        Check(
            # One row per source for the run's batch day: raw rows against what the loader says it
            # inserted, and against staging. Every difference must be zero. The day's rows only
            # (issue 12: a gate's cost must not grow with history); every earlier day was reconciled
            # by its own run, and a new version of an older record moves it to this day on both sides.
            name="staging_reconciliation",
            query=f"""
                with loaded as (
                    select source, batch_date, sum(records_inserted) as inserted
                    from raw.load_batches where batch_date = '{batch_date}' group by 1, 2
                ), erased as (  -- raw rows erased on request (webcare.erase): loaded, then removed
                    select source, batch_date, sum(raw_rows) as erased_rows
                    from audit.erased_records where batch_date = '{batch_date}' group by 1, 2
                ), raw_rows as (
                    select 'x_mentions' as source, batch_date, count(*) as raw_rows,
                           count(distinct (account_id, record_key)) as raw_records
                    from raw.x_mentions where batch_date = '{batch_date}' group by 2
                    union all
                    select 'x_tweets', batch_date, count(*),
                           count(distinct (account_id, record_key)) filter (
                               where jsonb_path_exists(payload, '$.referenced_tweets[*] ? (@.type == "replied_to")'))
                    from raw.x_tweets where batch_date = '{batch_date}' group by 2
                    union all
                    select 'google_reviews', batch_date, count(*), count(*) from raw.google_reviews
                    where batch_date = '{batch_date}' group by 2
                    union all
                    """ + "\n union all \n".join(_latest_version_rows(t, batch_date) for t, _ in LATEST_VERSION_SOURCES) + f"""
                ), staged as (
                    select 'x_mentions' as source, batch_date, count(*) as staged from staging.stg_x__mentions
                    where batch_date = '{batch_date}' group by 2
                    union all
                    select 'x_tweets', batch_date, count(*) from staging.stg_x__replies
                    where batch_date = '{batch_date}' group by 2
                    union all
                    select 'google_reviews', batch_date, count(*) from staging.stg_google__reviews
                    where batch_date = '{batch_date}' group by 2
                    union all
                    """ + "\n union all \n".join(f"select '{t}', batch_date, count(*) from staging.{m}"
                                             f" where batch_date = '{batch_date}' group by 2"
                                             for t, m in LATEST_VERSION_SOURCES) + """
                )
                select coalesce(loaded.source, raw_rows.source) as source,
                       coalesce(loaded.batch_date, raw_rows.batch_date) as batch_date,
                       coalesce(raw_rows.raw_rows, 0) + coalesce(erased.erased_rows, 0)
                           - coalesce(loaded.inserted, 0) as raw_minus_loaded,
                       coalesce(staged.staged, 0) - coalesce(raw_rows.raw_records, 0) as staged_minus_raw
                from loaded
                full join raw_rows on raw_rows.source = loaded.source and raw_rows.batch_date = loaded.batch_date
                left join erased on erased.source = coalesce(loaded.source, raw_rows.source)
                                and erased.batch_date = coalesce(loaded.batch_date, raw_rows.batch_date)
                left join staged on staged.source = coalesce(loaded.source, raw_rows.source)
                                and staged.batch_date = coalesce(loaded.batch_date, raw_rows.batch_date)""",
            expectations=[
                gxe.ExpectColumnValuesToBeBetween(column="raw_minus_loaded", min_value=0, max_value=0),
                gxe.ExpectColumnValuesToBeBetween(column="staged_minus_raw", min_value=0, max_value=0),
            ],
        ),
    ]
