-- The backlog at the end of each local day, per institution and channel (docs/metrics.md#backlog),
-- from the first reporting day to the as-of instant's local day: the one computation the three
-- KPI marts read for backlog_end_count and backlog_end_past_sla_count (before, each of them
-- sorted every message's events again: issue 12, docs/decision-log.md).
--
-- A message is waiting at the end t of a day when opened_at < t < closed_at, past its SLA when
-- also sla_breach_at < t; t is the next local midnight, or the as-of instant on its own day.
-- Counted from the intervals' events, not from fct_backlog_daily (a view: it would expand every
-- message into its days): per institution and channel, a running sum over the instants, +1 when a
-- message starts waiting and -1 when it leaves; for past-SLA, +1 at its breach instant while
-- waiting and -1 when it leaves. At an instant equal to a day's end a leaving counts (closed_at
-- <= t: no longer waiting) and a start or a breach does not (strictly before t): leavings sort
-- before the measurement, starts and breaches after it. A message answered at its own instant
-- never waits.
{{ config(pre_hook="set local enable_mergejoin = off") }}
with

institutions as (

    select institution_id, time_zone from {{ ref('dim_institution') }} where is_current

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

first_day as (

    select min(date_day) as first_day from {{ ref('fct_interactions') }}

),

points as (

    select
        institutions.institution_id,
        channels.channel_id,
        days.date_day,
        least(((days.date_day + 1)::timestamp at time zone institutions.time_zone), as_of.as_of) as measured_at
    from institutions
    cross join as_of
    cross join first_day
    cross join {{ ref('dim_channel') }} as channels
    inner join {{ ref('dim_date') }} as days
        on  days.date_day >= first_day.first_day
        and days.date_day <= (as_of.as_of at time zone institutions.time_zone)::date

),

waiting as (

    select * from {{ ref('fct_backlog_intervals') }}
    where closed_at is null or closed_at > opened_at

),

events as (

    select institution_id, channel_id, opened_at as event_at, 2 as event_order,
           1 as waiting_change, 0 as past_sla_change, cast(null as date) as date_day
    from waiting
    union all
    select institution_id, channel_id, closed_at, 0,
           -1, case when sla_breach_at < closed_at then -1 else 0 end, null
    from waiting
    where closed_at is not null
    union all
    select institution_id, channel_id, sla_breach_at, 2,
           0, 1, null
    from waiting
    where sla_breach_at is not null and (closed_at is null or sla_breach_at < closed_at)
    union all
    select institution_id, channel_id, measured_at, 1,
           0, 0, date_day
    from points

),

running as (

    select
        institution_id,
        channel_id,
        date_day,
        event_at,
        sum(waiting_change) over running                     as backlog_count,
        sum(past_sla_change) over running                    as backlog_past_sla_count
    from events
    window running as (
        partition by institution_id, channel_id
        order by event_at, event_order
        rows between unbounded preceding and current row
    )

)

select
    cast(institution_id as text)                             as institution_id,
    cast(channel_id as text)                                 as channel_id,
    cast(date_day as date)                                   as date_day,
    cast(event_at as timestamptz)                            as measured_at,
    cast(backlog_count as integer)                           as backlog_end_count,
    cast(backlog_past_sla_count as integer)                  as backlog_end_past_sla_count
from running
where date_day is not null
