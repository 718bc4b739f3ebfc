-- X: the institution account's posts that reply to another post.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'reply'

),

x_replies as (

    select
        'x-reply:' || replies.reply_tweet_id                 as response_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        'x:' || institutions.institution_id || ':' || replies.replied_to_tweet_id as message_id,
        replies.created_at                                   as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('stg_x__replies') }} as replies
    inner join institutions
        on institutions.x_user_id = replies.institution_user_id
    left join annotations
        on  annotations.source_name = 'x_tweets'
        and annotations.account_id = replies.institution_user_id
        and annotations.record_key = replies.reply_tweet_id
        and annotations.record_version_id = replies.reply_version_id
    where replies.is_by_account

)

select * from x_replies
