-- Each inbound message measured in business hours and against its SLA policy
-- (docs/metrics.md#business-minutes, #sla). Business minutes between two instants are the
-- difference of a running total of open minutes (a ledger per institution, channel and local
-- day), so a reply months later costs no more than one the same day. The business breach instant
-- walks the open intervals after creation (up to 60 local days) until the target is reached.
-- Messages with clock skew have no SLA event and no business minutes. A message written before
-- its institution and channel have any schedule (the first business_hours valid_from for the
-- channel's or the `all` rows) has unknown business minutes (null), and a business-basis SLA
-- cannot be measured: status no_schedule (docs/metrics.md#business-hours).
--
-- Incremental (docs/decision-log.md, "The SLA model measures only what changed"). A message is
-- measured again (policy, breach instant, open minutes before its creation and its first
-- response) only when its inputs changed: its `measured_inputs` fingerprint (channel,
-- institution, creation, local date, time zone, first response, clock skew, priority) differs
-- from the stored one, or the schedule did (`schedule_version`: every open interval, policy,
-- schedule row and the calendar bounds: a holiday added, a new schedule or SLA version, older
-- history). A still-unanswered message whose SLA is still pending is re-evaluated from its
-- stored position (the open minutes before its creation) and the ledger at the as-of instant,
-- without walking its days again; one already breached stays breached whatever the as-of
-- instant, so its row is left as it is: its sla_elapsed_minutes is as of its last evaluation
-- (evaluated_at), and fct_interactions carries the minutes of every unanswered message to the
-- current as-of instant. Rows of messages no longer in the warehouse are
-- deleted after the build (post_hook). A full refresh measures every message.
{{
    config(
        materialized='incremental',
        unique_key='message_id',
        incremental_strategy='delete+insert',
        on_schema_change='fail',
        indexes=[{'columns': ['message_id'], 'unique': true}],
        post_hook="delete from {{ this }} as measured where not exists (select 1 from "
                  ~ "{{ ref('int_messages_joined_to_first_reply') }} as messages"
                  ~ " where messages.message_id = measured.message_id)"
    )
}}
with

all_messages as (

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
        cast('normal' as text)                               as sla_priority,
        md5(concat_ws('|', channel_id, institution_id, created_at::text, local_date::text, time_zone,
                      coalesce(first_response_at::text, '-'), is_answered::text, has_clock_skew::text,
                      'normal'))                             as measured_inputs
    from {{ ref('int_messages_joined_to_first_reply') }}

),

-- everything the measurement reads besides the message: a change re-measures every message
schedule_version as (

    select md5(concat_ws('|',
        (select count(*) || ':' || coalesce(sum(hashtextextended(intervals::text, 0)::numeric), 0)
         from {{ ref('int_business_intervals_expanded') }} as intervals),
        (select string_agg(policies::text, ',' order by policies::text) from {{ ref('sla_policies') }} as policies),
        (select string_agg(hours::text, ',' order by hours::text) from {{ ref('business_hours') }} as hours),
        (select string_agg(channels::text, ',' order by channels::text) from {{ ref('channels') }} as channels),
        (select bounds::text from {{ ref('int_calendar_bounds') }} as bounds)
    ))                                                       as schedule_version

),

{% if is_incremental() %}

previous as (

    select * from {{ this }}

),

-- new messages and messages whose inputs or schedule changed: measured from scratch
messages as (

    select all_messages.*
    from all_messages
    cross join schedule_version
    left join previous using (message_id)
    where previous.message_id is null
       or previous.measured_inputs <> all_messages.measured_inputs
       or previous.schedule_version <> schedule_version.schedule_version

),

-- unchanged, unanswered, still pending (the as-of instant may pass its breach): re-evaluated from the stored row
reevaluated as (

    select
        all_messages.*,
        previous.sla_target_minutes                          as target_minutes,
        previous.sla_time_basis                              as time_basis,
        previous.has_schedule,
        previous.sla_breach_at                               as stored_breach_at,
        previous.created_open_minutes                        as stored_created_open_minutes,
        previous.measured_at
    from all_messages
    cross join schedule_version
    inner join previous using (message_id)
    where previous.measured_inputs = all_messages.measured_inputs
      and previous.schedule_version = schedule_version.schedule_version
      and not all_messages.is_answered
      and not all_messages.has_clock_skew
      and previous.sla_status = 'pending'

),

{% else %}

messages as (

    select * from all_messages

),

reevaluated as (

    select
        all_messages.*,
        cast(null as integer)                                as target_minutes,
        cast(null as text)                                   as time_basis,
        cast(null as boolean)                                as has_schedule,
        cast(null as timestamptz)                            as stored_breach_at,
        cast(null as numeric)                                as stored_created_open_minutes,
        cast(null as timestamptz)                            as measured_at
    from all_messages
    where false

),

{% endif %}

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

-- the instants measured: creation and the stopped clock of each message measured from scratch,
-- the as-of instant of each re-evaluated one (its creation's position is stored)
instants as (

    select message_id, institution_id, channel_id, time_zone, 'created' as instant_kind, created_at as instant_at
    from measured_messages
    union all
    select message_id, institution_id, channel_id, time_zone, 'stopped' as instant_kind, clock_stopped_at as instant_at
    from measured_messages
    union all
    select reevaluated.message_id, reevaluated.institution_id, reevaluated.channel_id, reevaluated.time_zone,
           'stopped' as instant_kind, as_of.as_of as instant_at
    from reevaluated
    cross join as_of

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

positions as (

    select
        message_id,
        max(open_minutes_before) filter (where instant_kind = 'created') as created_open_minutes,
        max(open_minutes_before) filter (where instant_kind = 'stopped') as stopped_open_minutes
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

measured_events as (

    select
        measured_messages.message_id,
        measured_messages.created_at,
        measured_messages.first_response_at,
        measured_messages.is_answered,
        measured_messages.clock_stopped_at,
        measured_messages.as_of,
        measured_messages.has_schedule,
        measured_messages.target_minutes,
        measured_messages.time_basis,
        case when measured_messages.has_schedule
             then positions.stopped_open_minutes - positions.created_open_minutes end as business_minutes,
        case measured_messages.time_basis
            when 'calendar' then measured_messages.created_at + measured_messages.target_minutes * interval '1 minute'
            when 'business' then business_breaches.sla_breach_at
        end                                                  as sla_breach_at,
        positions.created_open_minutes,
        cast('{{ run_started_at }}' as timestamptz)          as measured_at
    from measured_messages
    left join positions using (message_id)
    left join business_breaches using (message_id)

),

reevaluated_events as (

    select
        reevaluated.message_id,
        reevaluated.created_at,
        reevaluated.first_response_at,
        reevaluated.is_answered,
        as_of.as_of                                          as clock_stopped_at,
        as_of.as_of,
        reevaluated.has_schedule,
        reevaluated.target_minutes,
        reevaluated.time_basis,
        case when reevaluated.has_schedule
             then positions.stopped_open_minutes - reevaluated.stored_created_open_minutes end as business_minutes,
        reevaluated.stored_breach_at                         as sla_breach_at,
        reevaluated.stored_created_open_minutes              as created_open_minutes,
        reevaluated.measured_at
    from reevaluated
    cross join as_of
    left join positions using (message_id)

),

events as (

    select * from measured_events
    union all
    select * from reevaluated_events

),

measured_rows as (

    select message_id, sla_priority, measured_inputs from messages
    union all
    select message_id, sla_priority, measured_inputs from reevaluated

)

select
    measured_rows.message_id,
    cast(case when events.is_answered then events.business_minutes end as double precision)
                                                             as first_response_business_minutes,
    measured_rows.sla_priority,
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
    end as double precision)                                 as sla_elapsed_minutes,
    -- what the incremental build compares and keeps (not read downstream)
    events.has_schedule,
    events.created_open_minutes,
    measured_rows.measured_inputs,
    schedule_version.schedule_version,
    -- the build that measured the row from scratch, and the build that wrote it (dbt's run start)
    coalesce(events.measured_at, cast('{{ run_started_at }}' as timestamptz)) as measured_at,
    cast('{{ run_started_at }}' as timestamptz)              as evaluated_at
from measured_rows
cross join schedule_version
left join events using (message_id)
