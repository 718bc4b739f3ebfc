-- One row per inbound message (X mention, Google review), with its first response.
select
    cast(message_id as text)                                 as message_id,
    cast(channel_id as text)                                 as channel_id,
    cast(institution_id as text)                             as institution_id,
    cast(local_date as date)                                 as date_day,
    cast(author_pseudonym as text)                           as author_pseudonym,
    cast(created_at as timestamptz)                          as created_at,
    cast(star_rating as integer)                             as star_rating,
    cast(is_answered as boolean)                             as is_answered,
    cast(first_response_at as timestamptz)                   as first_response_at,
    cast(first_response_minutes as double precision)         as first_response_minutes,
    cast(replies_count as integer)                           as replies_count
from {{ ref('int_messages_joined_to_first_reply') }}
