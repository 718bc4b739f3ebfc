-- X: the institution account's posts that reply to another post.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
-- A reply to any version of an edited post answers the post (its first version's id).
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

-- every version id of the posts in the mentions timelines, with the post's first version
version_ids as (

    select distinct
        mentions.mentioned_user_id,
        version_id,
        mentions.original_tweet_id
    from {{ ref('stg_x__mentions') }} as mentions
    cross join lateral unnest(mentions.edit_history_tweet_ids) as versions (version_id)

),

x_replies as (

    select
        'x-reply:' || replies.reply_tweet_id                 as response_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        'x:' || institutions.institution_id || ':'
            || coalesce(version_ids.original_tweet_id, replies.replied_to_tweet_id) as message_id,
        replies.created_at                                   as responded_at,
        {{ annotation_columns('reply') }}
    from {{ ref('stg_x__replies') }} as replies
    inner join institutions
        on institutions.x_user_id = replies.institution_user_id
    left join version_ids
        on  version_ids.mentioned_user_id = replies.institution_user_id
        and version_ids.version_id = replies.replied_to_tweet_id
    {{ join_annotations('reply', 'x_tweets', 'replies.institution_user_id', 'replies.reply_tweet_id', 'replies.reply_version_id') }}
    where replies.is_by_account

)

select * from x_replies
