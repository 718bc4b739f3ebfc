-- Each inbound message joined to the addressed institution's first reply to it, as known at
-- the warehouse's as-of instant (docs/metrics.md#answered). Replies by any other account do not
-- count: the join is on the institution too. A first reply stamped before its message is clock
-- skew: answered, flagged, no response time.
-- A table, built once per run and read by the SLA model, fct_interactions and fct_responses (as a
-- view it was evaluated once for each of them: docs/decision-log.md).
{{ config(materialized='table', indexes=[{'columns': ['message_id']}]) }}
with

messages as (

    select * from {{ ref('int_inbound_messages_unioned') }}

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

first_replies as (

    select
        responses.message_id,
        responses.institution_id,
        min(responses.responded_at)                          as first_response_at,
        count(*)                                             as replies_count
    from {{ ref('int_responses_unioned') }} as responses
    cross join as_of
    where responses.responded_at < as_of.as_of
    group by responses.message_id, responses.institution_id

),

joined as (

    select
        messages.message_id,
        messages.channel_id,
        messages.institution_id,
        messages.native_id,
        messages.author_pseudonym,
        messages.created_at,
        (messages.created_at at time zone messages.time_zone)::date as local_date,
        messages.time_zone,
        messages.message_text,
        messages.has_pii,
        messages.intent,
        messages.domain_code,
        messages.category_code,
        messages.sentiment,
        messages.question_signature,
        messages.classifier_version,
        messages.star_rating,
        messages.lang,
        messages.is_hidden,
        messages.deleted_at,
        first_replies.first_response_at,
        coalesce(first_replies.replies_count, 0)             as replies_count,
        first_replies.first_response_at is not null          as is_answered,
        coalesce(first_replies.first_response_at < messages.created_at, false) as has_clock_skew,
        -- deleted on the platform while still unanswered: it can no longer be answered (docs/metrics.md#deleted)
        coalesce(messages.deleted_at <= as_of.as_of
                 and (first_replies.first_response_at is null
                      or first_replies.first_response_at > messages.deleted_at), false) as is_deleted
    from messages
    cross join as_of
    left join first_replies
        on  first_replies.message_id = messages.message_id
        and first_replies.institution_id = messages.institution_id

)

select
    *,
    case when not has_clock_skew
         then extract(epoch from first_response_at - created_at) / 60.0
    end                                                      as first_response_minutes
from joined
