-- One row per inbound message (X mention, Google review, Facebook or Instagram comment, imported
-- message) with its first response, business minutes and SLA. A table rebuilt on every run from
-- two intermediate tables (int_messages_joined_to_first_reply, and int_messages_sla_measured,
-- which measures only what changed: docs/decision-log.md).
with

messages as (

    select * from {{ ref('int_messages_joined_to_first_reply') }}

),

measured as (

    select * from {{ ref('int_messages_sla_measured') }}

),

institution_versions as (

    select * from {{ ref('dim_institution') }}

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

-- The open minutes before the as-of instant of each institution and channel, as the SLA model's
-- ledger counts them (every open interval of the local days before the as-of instant's day, and
-- that day's open time before it): a still-unanswered message's business minutes run to the
-- as-of instant, and the SLA model stores only the open minutes before its creation
-- (docs/decision-log.md, "The SLA model measures only what changed").
as_of_positions as (

    select
        institutions.institution_id,
        intervals.channel_id,
        sum(case
            when intervals.local_date < (as_of.as_of at time zone institutions.time_zone)::date
                then extract(epoch from intervals.close_at - intervals.open_at) / 60
            when intervals.local_date = (as_of.as_of at time zone institutions.time_zone)::date
                 and intervals.open_at < as_of.as_of
                then extract(epoch from least(intervals.close_at, as_of.as_of) - intervals.open_at) / 60
            else 0
        end)                                                 as open_minutes_before_as_of
    from {{ ref('stg_webcare__institutions') }} as institutions
    cross join as_of
    inner join {{ ref('int_business_intervals_expanded') }} as intervals
        on intervals.institution_id = institutions.institution_id
    group by institutions.institution_id, intervals.channel_id

)

select
    cast(messages.message_id as text)                        as message_id,
    cast(messages.channel_id as text)                        as channel_id,
    cast(messages.institution_id as text)                    as institution_id,
    cast(institution_versions.institution_sk as text)        as institution_sk,
    cast(messages.local_date as date)                        as date_day,
    cast(extract(hour from messages.created_at at time zone messages.time_zone) * 60
         + extract(minute from messages.created_at at time zone messages.time_zone) as integer)
                                                             as time_of_day_minute,
    cast(messages.author_pseudonym as text)                  as author_pseudonym,
    cast(messages.created_at as timestamptz)                 as created_at,
    cast(messages.star_rating as integer)                    as star_rating,
    cast(messages.message_text as text)                      as message_text,
    cast(coalesce(messages.has_pii, false) as boolean)       as has_pii,
    cast(messages.intent as text)                            as intent,
    cast(messages.domain_code as text)                       as domain_code,
    cast(messages.category_code as text)                     as category_code,
    cast(messages.sentiment as text)                         as sentiment,
    cast(messages.question_signature as text)                as question_signature,
    cast(messages.classifier_version as text)                as classifier_version,
    cast(messages.is_answered as boolean)                    as is_answered,
    cast(messages.first_response_at as timestamptz)          as first_response_at,
    cast(messages.has_clock_skew as boolean)                 as has_clock_skew,
    cast(messages.first_response_minutes as double precision) as first_response_minutes,
    cast(measured.first_response_business_minutes as double precision) as first_response_business_minutes,
    cast(messages.replies_count as integer)                  as replies_count,
    cast(measured.sla_priority as text)                      as sla_priority,
    cast(measured.sla_target_minutes as integer)             as sla_target_minutes,
    cast(measured.sla_time_basis as text)                    as sla_time_basis,
    cast(measured.sla_breach_at as timestamptz)              as sla_breach_at,
    -- a message deleted on the platform before it was answered has no SLA outcome (docs/metrics.md#deleted)
    cast(case when messages.is_deleted and measured.sla_status is not null then 'deleted'
              else measured.sla_status end as text)          as sla_status,
    -- to the first response; unanswered, to the as-of instant (the SLA model's value is as of its
    -- last evaluation, which a breached message no longer needs)
    cast(case
        when messages.is_deleted or measured.sla_time_basis is null then null
        when messages.is_answered then measured.sla_elapsed_minutes
        when measured.sla_time_basis = 'calendar'
            then extract(epoch from as_of.as_of - messages.created_at) / 60
        when measured.has_schedule
            then as_of_positions.open_minutes_before_as_of - measured.created_open_minutes
    end as double precision)                                 as sla_elapsed_minutes,
    cast(messages.native_id as text)                         as native_id,
    cast(messages.is_hidden as boolean)                      as is_hidden,
    cast(messages.deleted_at as timestamptz)                 as deleted_at,
    cast(messages.is_deleted as boolean)                     as is_deleted
from messages
cross join as_of
left join measured
    on measured.message_id = messages.message_id
left join as_of_positions
    on  as_of_positions.institution_id = messages.institution_id
    and as_of_positions.channel_id = messages.channel_id
left join institution_versions
    on  institution_versions.institution_id = messages.institution_id
    and messages.local_date >= institution_versions.valid_from
    and messages.local_date < institution_versions.valid_to
