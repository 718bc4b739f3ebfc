"""Marts stage: the freshly built marts (schema marts_build), whole tables, before publishing."""
from __future__ import annotations

import great_expectations.expectations as gxe

from webcare.validate import Check

SCHEMA = "marts_build"


def checks() -> list[Check]:
    return [
        Check(
            name="marts_fct_interactions",
            query=f"""select message_id, channel_id, institution_id, is_answered, first_response_minutes,
                             star_rating, extract(epoch from created_at - now()) as created_seconds_from_now
                      from {SCHEMA}.fct_interactions""",
            expectations=[
                gxe.ExpectColumnValuesToNotBeNull(column="message_id"),
                gxe.ExpectColumnValuesToBeUnique(column="message_id"),
                gxe.ExpectColumnValuesToNotBeNull(column="institution_id"),
                gxe.ExpectColumnValuesToBeInSet(column="channel_id", value_set=["x", "google"]),
                gxe.ExpectColumnValuesToNotBeNull(column="is_answered"),
                gxe.ExpectColumnValuesToBeBetween(column="first_response_minutes", min_value=0),
                gxe.ExpectColumnValuesToBeBetween(column="star_rating", min_value=1, max_value=5),
                gxe.ExpectColumnValuesToBeBetween(column="created_seconds_from_now", max_value=0),
            ],
        ),
        Check(
            name="marts_mart_response_kpis_daily",
            query=f"select * from {SCHEMA}.mart_response_kpis_daily",
            expectations=[
                gxe.ExpectCompoundColumnsToBeUnique(column_list=["institution_id", "channel_id", "date_day"]),
                gxe.ExpectColumnValuesToNotBeNull(column="date_day"),
                gxe.ExpectColumnValuesToBeBetween(column="inbound_count", min_value=0),
                gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="inbound_count", column_B="answered_count",
                                                            or_equal=True),
                gxe.ExpectColumnValuesToBeBetween(column="response_rate", min_value=0, max_value=1),
                gxe.ExpectColumnValuesToBeBetween(column="median_first_response_minutes", min_value=0),
            ],
        ),
    ]
