{#
  Response KPIs per institution x channel x period (docs/metrics.md), for the daily, weekly and
  monthly marts: `period` is a date column of dim_date (date_day, week_start, month_start) and
  `period_end` the column holding the period's last day. The reporting days run from the first
  message day to the last message day or the last local day on which a message expired from the
  backlog, whichever is later (an expiry is counted in the period of its local day: never dropped).
#}
{% macro response_kpis_by_period(period, period_end) %}
with

interactions as (

    select * from {{ ref('fct_interactions') }}

),

calendar as (

    select * from {{ ref('dim_date') }}

),

institutions as (

    select institution_id, time_zone from {{ ref('dim_institution') }} where is_current

),

-- messages that left the backlog by expiry, on the local day of their expiry (docs/metrics.md#backlog)
expiries as (

    select intervals.institution_id, intervals.channel_id,
           (intervals.closed_at at time zone institutions.time_zone)::date as expired_day
    from {{ ref('fct_backlog_intervals') }} as intervals
    inner join institutions using (institution_id)
    where intervals.close_reason = 'expired'

),

reporting_days as (

    select calendar.*
    from calendar
    where calendar.date_day between (select min(date_day) from interactions)
                                and greatest((select max(date_day) from interactions),
                                             (select max(expired_day) from expiries))

),

periods as (

    select distinct {{ period }} as period_start, {{ period_end }} as period_end
    from reporting_days

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

spine as (

    select institutions.institution_id, channels.channel_id, periods.period_start,
           least(periods.period_end, (as_of.as_of at time zone institutions.time_zone)::date) as backlog_day
    from institutions
    cross join {{ ref('dim_channel') }} as channels
    cross join periods
    cross join as_of

),

measured as (

    select
        interactions.institution_id,
        interactions.channel_id,
        calendar.{{ period }}                                   as period_start,
        count(*)                                                as inbound_count,
        count(*) filter (where interactions.is_answered)        as answered_count,
        percentile_cont(0.5) within group (order by interactions.first_response_minutes)
            filter (where interactions.first_response_minutes is not null)          as median_first_response_minutes,
        percentile_cont(0.9) within group (order by interactions.first_response_minutes)
            filter (where interactions.first_response_minutes is not null)          as p90_first_response_minutes,
        percentile_cont(0.5) within group (order by interactions.first_response_business_minutes)
            filter (where interactions.first_response_business_minutes is not null) as median_first_response_business_minutes,
        percentile_cont(0.9) within group (order by interactions.first_response_business_minutes)
            filter (where interactions.first_response_business_minutes is not null) as p90_first_response_business_minutes,
        count(*) filter (where interactions.sla_status in ('achieved', 'breached')) as sla_measured_count,
        count(*) filter (where interactions.sla_status = 'achieved')              as sla_achieved_count,
        count(*) filter (where interactions.sla_status = 'pending')               as sla_pending_count,
        count(*) filter (where interactions.sla_status = 'no_schedule')           as sla_no_schedule_count
    from interactions
    inner join calendar on calendar.date_day = interactions.date_day
    group by 1, 2, 3

),

-- The backlog at the end of each spine day: counted once for all three marts (mart_backlog_daily).
backlog as (

    select institution_id, channel_id, date_day, backlog_end_count as backlog_count,
           backlog_end_past_sla_count as backlog_past_sla_count
    from {{ ref('mart_backlog_daily') }}

),

expired as (

    select expiries.institution_id, expiries.channel_id, calendar.{{ period }} as period_start,
           count(*)                                             as expired_count
    from expiries
    inner join calendar on calendar.date_day = expiries.expired_day
    group by 1, 2, 3

)

select
    cast(spine.institution_id as text)                          as institution_id,
    cast(spine.channel_id as text)                              as channel_id,
    cast(spine.period_start as date)                            as {{ period }},
    cast(coalesce(measured.inbound_count, 0) as integer)        as inbound_count,
    cast(coalesce(measured.answered_count, 0) as integer)       as answered_count,
    cast(measured.answered_count::double precision / nullif(measured.inbound_count, 0) as double precision)
                                                                as response_rate,
    cast(measured.median_first_response_minutes as double precision)          as median_first_response_minutes,
    cast(measured.p90_first_response_minutes as double precision)             as p90_first_response_minutes,
    cast(measured.median_first_response_business_minutes as double precision) as median_first_response_business_minutes,
    cast(measured.p90_first_response_business_minutes as double precision)    as p90_first_response_business_minutes,
    cast(coalesce(measured.sla_measured_count, 0) as integer)   as sla_measured_count,
    cast(coalesce(measured.sla_achieved_count, 0) as integer)   as sla_achieved_count,
    cast(measured.sla_achieved_count::double precision / nullif(measured.sla_measured_count, 0) as double precision)
                                                                as pct_within_sla,
    cast(coalesce(measured.sla_pending_count, 0) as integer)    as sla_pending_count,
    cast(coalesce(measured.sla_no_schedule_count, 0) as integer) as sla_no_schedule_count,
    cast(coalesce(backlog.backlog_count, 0) as integer)         as backlog_end_count,
    cast(coalesce(backlog.backlog_past_sla_count, 0) as integer) as backlog_end_past_sla_count,
    cast(coalesce(expired.expired_count, 0) as integer)         as backlog_expired_count
from spine
left join measured
    on  measured.institution_id = spine.institution_id
    and measured.channel_id = spine.channel_id
    and measured.period_start = spine.period_start
left join backlog
    on  backlog.institution_id = spine.institution_id
    and backlog.channel_id = spine.channel_id
    and backlog.date_day = spine.backlog_day
left join expired
    on  expired.institution_id = spine.institution_id
    and expired.channel_id = spine.channel_id
    and expired.period_start = spine.period_start
{% endmacro %}
