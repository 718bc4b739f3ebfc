-- X: posts in an institution account's mentions timeline not written by the institution.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('institutions') }}

),

x_mentions as (

    select
        'x:' || institutions.institution_id || ':' || mentions.tweet_id as message_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        mentions.tweet_id                                    as native_id,
        mentions.author_pseudonym,
        mentions.created_at,
        cast(null as integer)                                as star_rating,
        mentions.lang,
        {{ annotation_columns('message') }},
        false                                                as is_hidden
    from {{ ref('stg_x__mentions') }} as mentions
    inner join institutions
        on institutions.x_user_id = mentions.mentioned_user_id
    {{ join_annotations('message', 'x_mentions', 'mentions.mentioned_user_id', 'mentions.tweet_id', 'mentions.tweet_version_id') }}
    where not mentions.is_self_mention

)

select * from x_mentions
