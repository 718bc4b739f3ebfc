-- Each inbound message measured in business hours and against its SLA policy
-- (docs/metrics.md#business-minutes, #sla). Business minutes between two instants are the
-- difference of a running total of open minutes (a ledger per institution, channel and local
-- day), so a reply months later costs no more than one the same day. The business breach instant
-- walks the open intervals after creation (up to 60 local days) until the target is reached.
-- Messages with clock skew have no SLA event and no business minutes. A message written before
-- its institution and channel have any schedule (the first business_hours valid_from for the
-- channel's or the `all` rows) has unknown business minutes (null), and a business-basis SLA
-- cannot be measured: status no_schedule (docs/metrics.md#business-hours).
with

messages as (

    select
        message_id,
        channel_id,
        institution_id,
        created_at,
        local_date,
        time_zone,
        first_response_at,
        is_answered,
        has_clock_skew,
        -- every message is `normal` until messages are classified
        cast('normal' as text)                               as sla_priority
    from {{ ref('int_messages_joined_to_first_reply') }}

),

intervals as (

    select * from {{ ref('int_business_intervals_expanded') }}

),

policies as (

    select
        institution_id,
        channel_id,
        priority,
        cast(valid_from as date)                             as valid_from,
        cast(target_minutes as integer)                      as target_minutes,
        cast(time_basis as text)                             as time_basis
    from {{ ref('sla_policies') }}

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

-- the first local date an institution has a schedule on a channel: its channel rows or its `all` rows
schedule_starts as (

    select
        hours.institution_id,
        channels.channel_id,
        min(cast(hours.valid_from as date))                  as schedule_start
    from {{ ref('business_hours') }} as hours
    inner join {{ ref('channels') }} as channels
        on hours.channel_id in (channels.channel_id, 'all')
    group by hours.institution_id, channels.channel_id

),

-- the policy of a message: its institution, channel, priority, greatest valid_from <= its day
measured_messages as (

    select
        messages.*,
        coalesce(messages.first_response_at, as_of.as_of)   as clock_stopped_at,
        as_of.as_of,
        coalesce(messages.local_date >= schedule_starts.schedule_start, false) as has_schedule,
        policy.target_minutes,
        policy.time_basis
    from messages
    cross join as_of
    left join schedule_starts
        on  schedule_starts.institution_id = messages.institution_id
        and schedule_starts.channel_id = messages.channel_id
    left join lateral (
        select policies.target_minutes, policies.time_basis
        from policies
        where policies.institution_id = messages.institution_id
          and policies.channel_id = messages.channel_id
          and policies.priority = messages.sla_priority
          and policies.valid_from <= messages.local_date
        order by policies.valid_from desc
        limit 1
    ) as policy on true
    where not messages.has_clock_skew

),

-- ledger: open minutes of each institution, channel and local day, and of all days before it
day_totals as (

    select
        institution_id,
        channel_id,
        local_date,
        sum(extract(epoch from close_at - open_at) / 60)    as open_minutes
    from intervals
    group by institution_id, channel_id, local_date

),

-- every calendar day of every institution and channel with open hours (0 minutes when closed)
ledger_days as (

    select institution_id, channel_id, local_date, sum(open_minutes) as open_minutes
    from (
        select institution_id, channel_id, local_date, open_minutes
        from day_totals
        union all
        select
            pairs.institution_id,
            pairs.channel_id,
            cast(days.local_date as date),
            0
        from (select distinct institution_id, channel_id from day_totals) as pairs
        -- scalar subqueries, not a join: a join makes the planner expect series x table rows (and JIT)
        cross join generate_series(
            (select calendar_start from {{ ref('int_calendar_bounds') }}),
            (select calendar_end from {{ ref('int_calendar_bounds') }}),
            interval '1 day'
        ) as days (local_date)
    ) as open_and_closed_days
    group by institution_id, channel_id, local_date

),

ledger as (

    select
        institution_id,
        channel_id,
        local_date,
        coalesce(sum(open_minutes) over (
            partition by institution_id, channel_id
            order by local_date
            rows between unbounded preceding and 1 preceding
        ), 0)                                                as open_minutes_before_day
    from ledger_days

),

-- the two instants each message is measured between: creation and the stopped clock
instants as (

    select message_id, institution_id, channel_id, time_zone, 'created' as instant_kind, created_at as instant_at
    from measured_messages
    union all
    select message_id, institution_id, channel_id, time_zone, 'stopped' as instant_kind, clock_stopped_at as instant_at
    from measured_messages

),

-- open minutes before each instant: the ledger up to its local day, plus that day's open time
instant_positions as (

    select
        instants.message_id,
        instants.instant_kind,
        ledger.open_minutes_before_day + coalesce(sum(
            extract(epoch from least(intervals.close_at, instants.instant_at) - intervals.open_at) / 60
        ), 0)                                                as open_minutes_before
    from instants
    left join ledger
        on  ledger.institution_id = instants.institution_id
        and ledger.channel_id = instants.channel_id
        and ledger.local_date = (instants.instant_at at time zone instants.time_zone)::date
    left join intervals
        on  intervals.institution_id = instants.institution_id
        and intervals.channel_id = instants.channel_id
        and intervals.local_date = (instants.instant_at at time zone instants.time_zone)::date
        and intervals.open_at < instants.instant_at
    group by instants.message_id, instants.instant_kind, ledger.open_minutes_before_day

),

business_elapsed as (

    select
        message_id,
        max(open_minutes_before) filter (where instant_kind = 'stopped')
        - max(open_minutes_before) filter (where instant_kind = 'created') as business_minutes
    from instant_positions
    group by message_id

),

-- the 60 local days after the creation of each message with a business-hours target
-- (materialized: joined to the intervals on the local date, never as a loop per interval)
business_message_days as materialized (

    select
        measured_messages.message_id,
        measured_messages.institution_id,
        measured_messages.channel_id,
        measured_messages.created_at,
        measured_messages.target_minutes,
        measured_messages.local_date + offsets.day_offset    as local_date
    from measured_messages
    cross join generate_series(0, 60) as offsets (day_offset)
    where measured_messages.time_basis = 'business'
      and measured_messages.has_schedule

),

-- open time after creation, interval by interval
business_segments as (

    select
        message_days.message_id,
        message_days.target_minutes,
        greatest(intervals.open_at, message_days.created_at) as segment_start,
        extract(epoch from intervals.close_at - greatest(intervals.open_at, message_days.created_at)) / 60
                                                             as segment_minutes
    from business_message_days as message_days
    inner join intervals
        on  intervals.institution_id = message_days.institution_id
        and intervals.channel_id = message_days.channel_id
        and intervals.local_date = message_days.local_date
    where intervals.close_at > message_days.created_at

),

business_cumulated as (

    select
        *,
        sum(segment_minutes) over (
            partition by message_id
            order by segment_start
            rows between unbounded preceding and current row
        )                                                    as minutes_through_segment
    from business_segments

),

-- the segment in which the open minutes since creation reach the target
business_breaches as (

    select
        message_id,
        segment_start
        + cast(target_minutes - (minutes_through_segment - segment_minutes) as double precision)
          * interval '1 minute'                              as sla_breach_at
    from business_cumulated
    where minutes_through_segment >= target_minutes
      and minutes_through_segment - segment_minutes < target_minutes

),

events as (

    select
        measured_messages.*,
        case when measured_messages.has_schedule then business_elapsed.business_minutes end as business_minutes,
        case measured_messages.time_basis
            when 'calendar' then measured_messages.created_at + measured_messages.target_minutes * interval '1 minute'
            when 'business' then business_breaches.sla_breach_at
        end                                                  as sla_breach_at
    from measured_messages
    left join business_elapsed using (message_id)
    left join business_breaches using (message_id)

)

select
    messages.message_id,
    cast(case when events.is_answered then events.business_minutes end as double precision)
                                                             as first_response_business_minutes,
    messages.sla_priority,
    events.target_minutes                                    as sla_target_minutes,
    events.time_basis                                        as sla_time_basis,
    events.sla_breach_at,
    case
        when events.time_basis is null then null
        -- business time without a schedule is unknown: neither achieved nor breached nor pending
        when events.time_basis = 'business' and not events.has_schedule then 'no_schedule'
        -- a response exactly at the breach instant is achieved; no breach within reach: achieved
        when events.is_answered and (events.sla_breach_at is null or events.first_response_at <= events.sla_breach_at)
            then 'achieved'
        when events.is_answered then 'breached'
        when events.as_of > events.sla_breach_at then 'breached'
        else 'pending'
    end                                                      as sla_status,
    cast(case events.time_basis
        when 'calendar' then extract(epoch from events.clock_stopped_at - events.created_at) / 60
        when 'business' then events.business_minutes
    end as double precision)                                 as sla_elapsed_minutes
from messages
left join events using (message_id)
