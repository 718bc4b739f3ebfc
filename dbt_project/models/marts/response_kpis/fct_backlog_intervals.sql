-- One row per inbound message: the interval it waits in the backlog (docs/metrics.md#backlog), as
-- known at the as-of instant. It is waiting at an instant t when opened_at < t < closed_at (or
-- closed_at is null: still waiting). It leaves the backlog at the first of its first response, its
-- known deletion and its expiry (var backlog_max_age_days, exact 24-hour days after creation), the
-- expiry only once the as-of instant has reached it. On a tie the answer wins, then the deletion.
{% set max_age_days = var('backlog_max_age_days') %}
{% if (max_age_days | int) < 1 or (max_age_days | string) != ((max_age_days | int) | string) %}
    {{ exceptions.raise_compiler_error("var backlog_max_age_days must be a whole number of days >= 1, got " ~ max_age_days) }}
{% endif %}
with

interactions as (

    select * from {{ ref('fct_interactions') }}

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

ends as (

    select
        interactions.message_id,
        interactions.institution_id,
        interactions.channel_id,
        interactions.date_day,
        interactions.created_at,
        interactions.sla_breach_at,
        -- a first response stamped before its message (clock skew): it never waited
        -- (greatest() skips nulls: an unanswered message must keep a null answered_at)
        case when interactions.first_response_at is not null
             then greatest(interactions.first_response_at, interactions.created_at) end as answered_at,
        case when interactions.deleted_at <= as_of.as_of then interactions.deleted_at end as deleted_at,
        interactions.created_at + interval '24 hours' * {{ max_age_days | int }}         as expires_at,
        as_of.as_of
    from interactions
    cross join as_of

),

closed as (

    select
        *,
        -- least() skips nulls: null only when none of the three has happened by the as-of instant
        least(answered_at, deleted_at, case when expires_at <= as_of then expires_at end) as closed_at
    from ends

)

select
    cast(message_id as text)                                 as message_id,
    cast(institution_id as text)                             as institution_id,
    cast(channel_id as text)                                 as channel_id,
    cast(date_day as date)                                   as date_day,
    cast(created_at as timestamptz)                          as opened_at,
    cast(closed_at as timestamptz)                           as closed_at,
    cast(case when closed_at is null then null
              when answered_at = closed_at then 'answered'
              when deleted_at = closed_at then 'deleted'
              else 'expired' end as text)                    as close_reason,
    cast(expires_at as timestamptz)                          as expires_at,
    cast(sla_breach_at as timestamptz)                       as sla_breach_at,
    cast(as_of as timestamptz)                               as as_of
from closed
