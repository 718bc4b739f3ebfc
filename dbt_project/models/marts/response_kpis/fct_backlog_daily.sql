-- One row per message and local day it was still waiting for an answer at the end of the day
-- (docs/metrics.md#backlog): from its day to the day before its first response, or to the
-- as-of day, and not once it is known deleted. The end of the as-of day is the as-of instant.
with

interactions as (

    select * from {{ ref('fct_interactions') }}

),

institutions as (

    select institution_id, time_zone from {{ ref('dim_institution') }} where is_current

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

message_days as (

    select
        interactions.message_id,
        interactions.institution_id,
        interactions.channel_id,
        interactions.created_at,
        interactions.first_response_at,
        interactions.sla_breach_at,
        interactions.deleted_at,
        calendar.date_day,
        least(((calendar.date_day + 1)::timestamp at time zone institutions.time_zone), as_of.as_of) as end_of_day
    from interactions
    inner join institutions using (institution_id)
    cross join as_of
    -- only the days a message can be waiting on: from its day to the local day of its first
    -- response, of its deletion or of the as-of instant, whichever comes first (the filter below
    -- decides the last of them), not every day to the as-of day
    inner join {{ ref('dim_date') }} as calendar
        on calendar.date_day between interactions.date_day
                                 and least((as_of.as_of at time zone institutions.time_zone)::date,
                                           coalesce((interactions.first_response_at at time zone institutions.time_zone)::date,
                                                    date 'infinity'),
                                           coalesce((interactions.deleted_at at time zone institutions.time_zone)::date,
                                                    date 'infinity'))

)

select
    cast(message_id || ':' || date_day as text)              as backlog_row_id,
    cast(message_id as text)                                 as message_id,
    cast(institution_id as text)                             as institution_id,
    cast(channel_id as text)                                 as channel_id,
    cast(date_day as date)                                   as date_day,
    cast(end_of_day as timestamptz)                          as measured_at,
    cast(extract(epoch from end_of_day - created_at) / 60.0 as double precision) as age_minutes,
    coalesce(sla_breach_at < end_of_day, false)              as is_past_sla
from message_days
where created_at < end_of_day
  and (first_response_at is null or first_response_at >= end_of_day)
  -- deleted on the platform: out of the backlog from when the warehouse knew it
  and (deleted_at is null or deleted_at > end_of_day)
