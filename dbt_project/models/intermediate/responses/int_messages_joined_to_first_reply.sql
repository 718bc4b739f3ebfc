-- Each inbound message with the addressed institution's first reply to it (replies by any other
-- account do not count: the join is on the institution too).
with

messages as (

    select * from {{ ref('int_inbound_messages_unioned') }}

),

first_replies as (

    select
        message_id,
        institution_id,
        min(responded_at)                                    as first_response_at,
        count(*)                                             as replies_count
    from {{ ref('int_responses_unioned') }}
    group by message_id, institution_id

)

select
    messages.message_id,
    messages.channel_id,
    messages.institution_id,
    messages.native_id,
    messages.author_pseudonym,
    messages.created_at,
    (messages.created_at at time zone messages.time_zone)::date as local_date,
    messages.message_text,
    messages.star_rating,
    messages.lang,
    first_replies.first_response_at,
    coalesce(first_replies.replies_count, 0)                 as replies_count,
    first_replies.first_response_at is not null              as is_answered,
    extract(epoch from first_replies.first_response_at - messages.created_at) / 60.0
                                                             as first_response_minutes
from messages
left join first_replies
    on  first_replies.message_id = messages.message_id
    and first_replies.institution_id = messages.institution_id
