-- Instagram: the account's replies to a top-level comment.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'reply'

),

instagram_replies as (

    select
        'instagram-reply:' || replies.comment_id             as response_id,
        'instagram'                                          as channel_id,
        institutions.institution_id,
        'instagram:' || institutions.institution_id || ':' || replies.parent_comment_id as message_id,
        replies.created_at                                   as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('stg_instagram__comments') }} as replies
    inner join institutions
        on institutions.instagram_user_id = replies.ig_user_id
    left join annotations
        on  annotations.source_name = 'instagram_comments'
        and annotations.account_id = replies.ig_user_id
        and annotations.record_key = replies.comment_id
        and annotations.record_version_id = replies.comment_version_id
    where replies.is_by_account
      and replies.parent_comment_id is not null

)

select * from instagram_replies
