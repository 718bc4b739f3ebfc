-- One row per institution reply to an inbound message, known at the as-of instant.
with

responses as (

    select * from {{ ref('int_responses_unioned') }}

),

messages as (

    select message_id, institution_id, created_at, time_zone
    from {{ ref('int_messages_joined_to_first_reply') }}

),

as_of as (

    select as_of from {{ ref('int_warehouse_as_of') }}

),

ranked as (

    select
        responses.*,
        messages.created_at                                  as message_created_at,
        messages.time_zone,
        row_number() over (partition by responses.message_id order by responses.responded_at, responses.response_id)
                                                             as response_rank
    from responses
    inner join messages
        on  messages.message_id = responses.message_id
        and messages.institution_id = responses.institution_id
    cross join as_of
    where responses.responded_at < as_of.as_of

)

select
    cast(response_id as text)                                as response_id,
    cast(message_id as text)                                 as message_id,
    cast(channel_id as text)                                 as channel_id,
    cast(institution_id as text)                             as institution_id,
    cast((responded_at at time zone time_zone)::date as date) as date_day,
    cast(extract(hour from responded_at at time zone time_zone) * 60
         + extract(minute from responded_at at time zone time_zone) as integer) as time_of_day_minute,
    cast(responded_at as timestamptz)                        as responded_at,
    cast(response_rank as integer)                           as response_rank,
    cast(reply_text as text)                                 as reply_text,
    cast(tone as text)                                       as tone,
    cast(moves_to_private as boolean)                        as moves_to_private,
    cast(gives_medical_advice as boolean)                    as gives_medical_advice,
    cast(classifier_version as text)                         as classifier_version,
    response_rank = 1                                        as is_first_response,
    responded_at < message_created_at                        as is_before_message,
    cast(case when responded_at >= message_created_at
              then extract(epoch from responded_at - message_created_at) / 60.0 end as double precision)
                                                             as minutes_since_message
from ranked
