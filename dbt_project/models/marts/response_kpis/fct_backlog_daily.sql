-- One row per message and local day at whose end it was waiting in the backlog
-- (docs/metrics.md#backlog), derived from its interval (fct_backlog_intervals): waiting at the end
-- of the day when opened_at < end < closed_at (closed_at null: still waiting). The end of a day is
-- the local midnight after it, or the as-of instant on the as-of day. A message is joined only to
-- the days from its own to the local day of its closing (or of the as-of instant), so it has at
-- most backlog_max_age_days + 1 rows.
-- A view (issue 12): as a table it was rebuilt on every run, some 12 rows per message of all
-- history; nothing in the warehouse reads it (the KPI marts count the backlog from the
-- intervals), and a BI query for some days or one institution reads only their intervals. It
-- reads only marts tables (the as-of instant is the intervals'), so publishing moves it with them.
{{ config(materialized='view') }}
with

intervals as (

    select * from {{ ref('fct_backlog_intervals') }}

),

institutions as (

    select institution_id, time_zone from {{ ref('dim_institution') }} where is_current

),

interval_days as (

    select
        intervals.message_id,
        intervals.institution_id,
        intervals.channel_id,
        intervals.opened_at,
        intervals.closed_at,
        intervals.sla_breach_at,
        calendar.date_day,
        least(((calendar.date_day + 1)::timestamp at time zone institutions.time_zone), intervals.as_of) as end_of_day
    from intervals
    inner join institutions using (institution_id)
    inner join {{ ref('dim_date') }} as calendar
        on calendar.date_day between intervals.date_day
                                 and (coalesce(intervals.closed_at, intervals.as_of) at time zone institutions.time_zone)::date

)

select
    cast(message_id || ':' || date_day as text)              as backlog_row_id,
    cast(message_id as text)                                 as message_id,
    cast(institution_id as text)                             as institution_id,
    cast(channel_id as text)                                 as channel_id,
    cast(date_day as date)                                   as date_day,
    cast(end_of_day as timestamptz)                          as measured_at,
    cast(extract(epoch from end_of_day - opened_at) / 60.0 as double precision) as age_minutes,
    coalesce(sla_breach_at < end_of_day, false)              as is_past_sla
from interval_days
where opened_at < end_of_day
  and (closed_at is null or end_of_day < closed_at)
