-- Instagram: the account's replies to a top-level comment.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

instagram_replies as (

    select
        'instagram-reply:' || replies.comment_id             as response_id,
        'instagram'                                          as channel_id,
        institutions.institution_id,
        'instagram:' || institutions.institution_id || ':' || replies.parent_comment_id as message_id,
        replies.created_at                                   as responded_at,
        {{ annotation_columns('reply') }}
    from {{ ref('stg_instagram__comments') }} as replies
    inner join institutions
        on institutions.instagram_user_id = replies.ig_user_id
    {{ join_annotations('reply', 'instagram_comments', 'replies.ig_user_id', 'replies.comment_id', 'replies.comment_version_id') }}
    where replies.is_by_account
      and replies.parent_comment_id is not null

)

select * from instagram_replies
