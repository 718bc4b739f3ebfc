-- The days the warehouse measures (docs/metrics.md#calendar), from the data, no fixed year:
-- from 1 January of the year of the earliest message's local date to 31 December of the year of
-- the latest message's local date (or the as-of day, whichever is later) plus 62 days (the
-- business SLA search walks the 60 local days after a message). Older history or later messages
-- move the bounds at the next build; dim_date, the business intervals and the SLA ledger read them.
with

days as (

    -- the messages' table, not the union of the channels' views: read once, not evaluated again
    select
        min(local_date)                                      as first_message_day,
        max(local_date)                                      as last_message_day
    from {{ ref('int_messages_joined_to_first_reply') }}

),

as_of as (

    select (as_of at time zone 'UTC')::date + 1              as as_of_day
    from {{ ref('int_warehouse_as_of') }}

)

select
    cast(date_trunc('year', coalesce(days.first_message_day, as_of.as_of_day)) as date) as calendar_start,
    cast(date_trunc('year', greatest(days.last_message_day, as_of.as_of_day) + 62)
         + interval '1 year' - interval '1 day' as date)    as calendar_end
from days
cross join as_of
